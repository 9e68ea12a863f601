import { Columns2 } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { Take } from '../../../../../shared/domain/project'
import { MAX_COMPARED, useCompareStore } from './compare-store'

/** The tick on a take row that picks it for comparing. */
export function CompareCheckbox({ take, number }: { take: Take; number: number }) {
  const picked = useCompareStore((s) => s.clipId === take.clipId && s.takeIds.includes(take.id))
  const toggle = useCompareStore((s) => s.toggle)
  if (take.status !== 'completed') return null
  return (
    <label className="compare-pick" title={`Pick up to ${MAX_COMPARED} takes to compare side by side`}>
      <input type="checkbox" checked={picked} aria-label={`Compare take ${number}`} onChange={() => toggle(take.clipId, take.id)} /> Compare
    </label>
  )
}

/** Opens the compare view for the takes picked in this clip; says why while it cannot. */
export function CompareButton({ clipId }: { clipId: string }) {
  const { count, show } = useCompareStore(useShallow((s) => ({ count: s.clipId === clipId ? s.takeIds.length : 0, show: s.show })))
  const ready = count >= 2
  return (
    <button
      type="button"
      className="btn btn--small"
      disabled={!ready}
      title={ready ? `Play the ${count} picked takes side by side, in sync` : 'Tick Compare on two to four finished takes first'}
      onClick={show}
    >
      <Columns2 size={12} strokeWidth={2} aria-hidden /> Compare{count > 0 ? ` ${count}` : ''}
    </button>
  )
}
