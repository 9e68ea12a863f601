import { Link2 } from 'lucide-react'
import { useStore } from '../../../store/store'
import { selectChainWithPrevious } from './chain-selectors'
import './chain.css'

/** Drawn on the gap between a clip and the previous one when one takes a frame from the other's take. */
export function ChainLinkGlyph({ clipId }: { clipId: string }) {
  const state = useStore(selectChainWithPrevious(clipId))
  if (state === 'none') return null
  const label = state === 'stale' ? 'Chained to the previous clip from a take that is no longer chosen' : 'Chained to the previous clip'
  return (
    <span className={`chain-glyph chain-glyph--${state}`} role="img" aria-label={label} title={label}>
      <Link2 size={12} strokeWidth={2} aria-hidden />
    </span>
  )
}
