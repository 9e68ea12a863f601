import { Info } from 'lucide-react'

/** Says, next to a field, that a number the user typed was changed and why; nothing is changed silently. */
export function AdjustmentNote({ id, note }: { id: string; note: string | null }) {
  return (
    <p id={id} className="adjustment-note" role="status" hidden={note === null}>
      {note && (
        <>
          <Info size={12} strokeWidth={2} aria-hidden /> {note}
        </>
      )}
    </p>
  )
}
