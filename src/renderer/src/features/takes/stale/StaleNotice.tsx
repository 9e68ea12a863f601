import { History } from 'lucide-react'
import { selectSelectedClipIdIfExists } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { RequestChangeList } from '../compare/RequestChangeList'
import { selectStaleSince } from './stale-selectors'
import './stale.css'

/** In the clip editor: what this clip would send differently from its chosen take. */
export function StaleNotice() {
  const clipId = useStore(selectSelectedClipIdIfExists)
  const stale = useStore(selectStaleSince(clipId))
  if (!stale) return null
  return (
    <section className="stale-notice" aria-label="Changed since its take">
      <p className="stale-notice__title">
        <History size={14} strokeWidth={1.75} aria-hidden />
        Changed since take {stale.takeNumber}
        <span className="stale-notice__hint">Generate makes a take with these changes; "Generate what changed" does so for every changed clip.</span>
      </p>
      <RequestChangeList changes={stale.changes} />
    </section>
  )
}
