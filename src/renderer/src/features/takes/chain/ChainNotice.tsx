import { Link2, RefreshCw } from 'lucide-react'
import { useMemo } from 'react'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import type { ChainLink } from '../../../../../shared/takes/chain-links'
import { selectClipIds, selectSelectedClipIdIfExists } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { chainLinksInto } from './chain-selectors'
import { updateChain } from './chain-actions'
import './chain.css'

export const DRIFT_NOTE = 'Frames chained over many generations can drift in colour and detail; compare against the first clip now and then.'

/** Says where the selected clip's chained frames come from, and offers to re-chain when the source take changed. */
export function ChainNotice() {
  const clipId = useStore(selectSelectedClipIdIfExists)
  // A string compares by value, so the notice re-renders only when a link into this clip changes.
  const linksJson = useStore((s) => JSON.stringify(clipId ? chainLinksInto(s, clipId) : []))
  const links = useMemo(() => JSON.parse(linksJson) as ChainLink[], [linksJson])
  const takes = useStore((s) => s.takes)
  const clips = useStore(selectClipIds)
  if (links.length === 0) return null
  return (
    <div className="chain-notice" role="status" aria-label="Chained frames">
      {links.map((link) => {
        const frame = link.slot === 'first' ? 'first frame' : 'last frame'
        const from = `clip ${clips.indexOf(link.fromClipId) + 1}`
        const used = takeNumberOf(takes, link.takeId)
        const chosen = link.staleAgainst ? takeNumberOf(takes, link.staleAgainst) : null
        return (
          <p key={link.slot} className={chosen !== null ? 'chain-notice__line chain-notice__line--stale' : 'chain-notice__line'}>
            <Link2 size={14} strokeWidth={1.75} aria-hidden />
            {chosen !== null ? (
              <>
                <span>
                  Chained {frame} is from take {used} of {from}; take {chosen} is chosen now — update?
                </span>
                <button type="button" className="btn btn--small" onClick={() => void updateChain(link)}>
                  <RefreshCw size={12} strokeWidth={2} aria-hidden /> Update from take {chosen}
                </button>
              </>
            ) : (
              <span title={DRIFT_NOTE}>
                The {frame} is chained from take {used} of {from}.
              </span>
            )}
          </p>
        )
      })}
    </div>
  )
}
