import { Film } from 'lucide-react'
import { useStore } from '../../../store/store'
import { selectVideoLinkJson, videoLinkWords, type VideoLink } from './video-link'
import '../chain/chain.css'
import './next-shot.css'

/** On a next shot's left edge, in the chained-frames look: accent when linked, warning when its source changed. */
export function VideoLinkGlyph({ clipId }: { clipId: string }) {
  const json = useStore(selectVideoLinkJson(clipId))
  const link = JSON.parse(json) as VideoLink | null
  if (!link) return null
  const stale = link.kind === 'take-missing' || (link.kind === 'take' && link.staleAgainst !== null)
  const label = videoLinkWords(link)
  return (
    <span className={`chain-glyph video-link-glyph chain-glyph--${stale ? 'stale' : 'linked'}`} role="img" aria-label={label} title={label}>
      <Film size={12} strokeWidth={2} aria-hidden />
    </span>
  )
}
