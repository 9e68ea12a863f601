import { Layers } from 'lucide-react'
import type { ReactNode } from 'react'
import { selectClipIndex, selectSelectedClipIdIfExists, selectSelectionCount } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import './selection.css'

/** With several clips selected the inspector still edits the primary one; this says so and offers what acts on all. */
export function SelectionSummary({ children }: { children?: ReactNode }) {
  const count = useStore(selectSelectionCount)
  const primary = useStore(selectSelectedClipIdIfExists)
  const primaryNumber = useStore(selectClipIndex(primary ?? '')) + 1
  const collapse = useStore((s) => s.collapseSelection)
  if (count < 2) return null
  return (
    <div className="selection-summary" role="status">
      <p className="selection-summary__count">
        <Layers size={16} strokeWidth={1.75} aria-hidden />
        <span>
          <strong className="tabular">{count} clips selected</strong>
          <span className="selection-summary__note">Editing clip {primaryNumber}; the settings below change only that clip.</span>
        </span>
      </p>
      <div className="selection-summary__actions">
        {children}
        <button type="button" className="btn btn--ghost" title="Keep only the clip the editor shows (Esc)" onClick={collapse}>
          Only clip {primaryNumber}
        </button>
      </div>
    </div>
  )
}
