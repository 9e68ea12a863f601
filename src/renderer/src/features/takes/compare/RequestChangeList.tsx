import { Fragment } from 'react'
import type { Take } from '../../../../../shared/domain/project'
import type { RequestChange } from '../../../../../shared/takes/request-diff'
import { videoRefWords } from '../../../../../shared/takes/lineage-words'
import { useStore } from '../../../store/store'
import { describeChange } from './describe-change'
import './request-changes.css'

const noTakes: readonly Take[] = []

type Props = {
  changes: readonly RequestChange[]
  /** Whose changes these are ("Take 3"): words then read "Take 3 adds …" / "Take 3 drops …" instead of + / −. */
  subject?: string
}

/**
 * A request's changes one line per field or shot, each naming where ("Shot 3:") and which way: added words in
 * green after "+", dropped ones struck out after "−" (compare view, stale clips, script notes).
 */
export function RequestChangeList({ changes, subject }: Props) {
  // Only a change of video needs the take list (to say "take 2"): other lists ignore take updates.
  const takes = useStore((s) => (changes.some((change) => change.kind === 'video') ? s.takes : noTakes))
  const lines = changes.flatMap((change) => describeChange(change, (ref) => videoRefWords(ref, takes)))
  return (
    <ul className="compare-diff">
      {lines.map((line) => (
        <li key={line.where} className="compare-diff__line">
          <span className="compare-diff__field">{line.where}:</span>{' '}
          <span className="compare-diff__what">
            {line.added.length > 0 && (
              <span className="compare-diff__words">
                <span className="compare-diff__sign">{subject ? `${subject} adds` : '+'}</span>
                {line.added.map((word, i) => <Fragment key={i}> <ins className="compare-diff__added">{word}</ins></Fragment>)}
              </span>
            )}
            {line.added.length > 0 && line.removed.length > 0 && ' '}
            {line.removed.length > 0 && (
              <span className="compare-diff__words">
                <span className="compare-diff__sign">{subject ? `${subject} drops` : '−'}</span>
                {line.removed.map((word, i) => <Fragment key={i}> <del className="compare-diff__removed">{word}</del></Fragment>)}
              </span>
            )}
            {line.text && line.added.length + line.removed.length > 0 && ' '}
            {line.text && <span>{line.text}</span>}
          </span>
        </li>
      ))}
    </ul>
  )
}
