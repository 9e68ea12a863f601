import { takeNumberOf } from '../../../../shared/domain/take-numbers'
import type { Take } from '../../../../shared/domain/project'
import type { RequestChange } from '../../../../shared/takes/request-diff'
import { useStore } from '../../store/store'
import { describeChange } from './describe-change'
import './request-changes.css'

const noTakes: readonly Take[] = []

/** A request's changes one line per field: added words in green, removed struck out (compare view, stale clips). */
export function RequestChangeList({ changes }: { changes: readonly RequestChange[] }) {
  // Only a change of video needs the take list (to say "take 2"): other lists ignore take updates.
  const takes = useStore((s) => (changes.some((change) => change.kind === 'video') ? s.takes : noTakes))
  const nameVideo = (ref: string): string => {
    if (!ref.startsWith('take:')) return URL.canParse(ref) ? new URL(ref).hostname : ref
    const number = takeNumberOf(takes, ref.slice('take:'.length))
    return number === null ? 'a removed take' : `take ${number}`
  }
  return (
    <ul className="compare-diff">
      {changes.map((change) => {
        const line = describeChange(change, nameVideo)
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
