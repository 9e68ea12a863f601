import { Film, RefreshCw, Unlink2 } from 'lucide-react'
import { useEffect, useId } from 'react'
import { invoke } from '../../../ipc/client'
import type { Clip } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'
import { VideoUrlField } from '../video-source/VideoUrlField'
import { setVideoReference } from './next-shot-actions'
import { selectVideoLinkJson, videoLinkWords, type VideoLink } from './video-link'
import '../chain/chain.css'
import './next-shot.css'

/**
 * On a next shot: which video it follows, whether to keep that video's sound, re-following when the source clip chose
 * another take, and the user's own link when MuleRouter no longer has the take (or to start from their footage).
 */
export function VideoReferenceNotice({ clip }: { clip: Clip }) {
  const json = useStore(selectVideoLinkJson(clip.id))
  const soundId = useId()
  const link = JSON.parse(json) as VideoLink | null
  const reference = clip.videoReference
  const sourceTakeId = reference?.source.kind === 'take' ? reference.source.takeId : null
  const unprobed = useStore((s) => sourceTakeId !== null && s.takes.some((take) => take.id === sourceTakeId && take.status === 'completed' && !take.videoFacts))
  // The video rules need the source take's length, size and rate: measure its file once if that was never done.
  useEffect(() => {
    if (sourceTakeId && unprobed) void invoke('takes:videoFacts', { takeId: sourceTakeId })
  }, [sourceTakeId, unprobed])
  if (!link || !reference) return null
  const stale = link.kind === 'take-missing' || (link.kind === 'take' && link.staleAgainst !== null)
  const source = reference.source
  return (
    <div className="chain-notice video-notice" role="status" aria-label="Video this shot follows">
      <p className={stale ? 'chain-notice__line chain-notice__line--stale' : 'chain-notice__line'}>
        <Film size={14} strokeWidth={1.75} aria-hidden />
        <span>{videoLinkWords(link)}: its camera, motion and style carry over; name it in the prompt with @.</span>
        {link.kind === 'take' && link.staleAgainst !== null && link.chosenTakeId && (
          <button type="button" className="btn btn--small" onClick={() => setVideoReference(clip.id, { ...reference, source: { kind: 'take', takeId: link.chosenTakeId! } })}>
            <RefreshCw size={12} strokeWidth={2} aria-hidden /> Follow take {link.staleAgainst}
          </button>
        )}
      </p>
      <p className="chain-notice__line video-notice__line">
        <span id={soundId}>Keep the video’s own sound (the clip’s sound stays off)</span>
        <button type="button" role="switch" className="switch" aria-labelledby={soundId} aria-checked={reference.keepOriginalSound} onClick={() => setVideoReference(clip.id, { ...reference, keepOriginalSound: !reference.keepOriginalSound })} />
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setVideoReference(clip.id, null)}>
          <Unlink2 size={12} strokeWidth={2} aria-hidden /> Stop following
        </button>
      </p>
      <details className="video-notice__link" open={source.kind === 'url'}>
        <summary>Use a link to the video instead (MuleRouter no longer has the take, or your own footage)</summary>
        <VideoUrlField
          current={source.kind === 'url' && source.facts ? { url: source.url, facts: source.facts } : null}
          onChecked={({ url, facts }) => setVideoReference(clip.id, { ...reference, source: { kind: 'url', url, facts } })}
        />
      </details>
    </div>
  )
}
