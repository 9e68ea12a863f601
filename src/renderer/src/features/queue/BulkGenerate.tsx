import { Sparkles } from 'lucide-react'
import { selectSelectionCount } from '../../store/selectors'
import { useStore } from '../../store/store'
import { generateMany, selectionToGenerate, SEVERAL_TAKES } from './generate-many'

/** What acts on every selected clip, beside the inspector's note that several are selected. */
export function BulkGenerate() {
  const count = useStore(selectSelectionCount)
  return (
    <>
      <button type="button" className="btn btn--primary" title="Shows what they cost before anything is queued" onClick={() => generateMany(selectionToGenerate())}>
        <Sparkles size={14} strokeWidth={1.75} aria-hidden /> Generate selected ({count})
      </button>
      <button type="button" className="btn" onClick={() => generateMany(selectionToGenerate(), SEVERAL_TAKES)}>
        {SEVERAL_TAKES} takes each
      </button>
    </>
  )
}
