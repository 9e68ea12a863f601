import type { RequestChange } from '../../../../shared/takes/request-diff'
import { describeChange } from './describe-change'
import './request-changes.css'

/** A request's changes one line per field: added words in green, removed struck out (compare view, stale clips). */
export function RequestChangeList({ changes }: { changes: readonly RequestChange[] }) {
  return (
    <ul className="compare-diff">
      {changes.map((change) => {
        const line = describeChange(change)
        return (
          <li key={change.field} className="compare-diff__line">
            <span className="compare-diff__field">{line.field}</span>
            <span className="compare-diff__what">
              {line.added.map((word, i) => <ins key={`+${i}`} className="compare-diff__added">{word}</ins>)}
              {line.removed.map((word, i) => <del key={`-${i}`} className="compare-diff__removed">{word}</del>)}
              {line.text && <span>{line.text}</span>}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
