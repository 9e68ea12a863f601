import { describeChange } from '../compare/describe-change'
import { useStore } from '../../../store/store'
import { selectStaleSince } from './stale-selectors'
import './stale.css'

/** "Changed since take 2" on a timeline card; a string selector, so the card re-renders only when that text changes. */
export function StaleBadge({ clipId }: { clipId: string }) {
  const label = useStore((s) => {
    const stale = selectStaleSince(clipId)(s)
    return stale ? `Changed since take ${stale.takeNumber}\n${stale.changes.flatMap((change) => describeChange(change)).map((line) => line.where).join(', ')}` : null
  })
  if (label === null) return null
  const [text, fields] = label.split('\n')
  return (
    <span className="stale-badge" title={`${text}: ${fields}. Generate what changed makes new takes of these clips.`}>
      {text}
    </span>
  )
}
