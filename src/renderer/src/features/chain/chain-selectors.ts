import { chainLinksOf, type ChainLink } from '../../../../shared/takes/chain-links'
import type { Store } from '../../store/types'

/** Links into a clip from its two neighbours; only the three clips are looked at, so a long timeline stays cheap. */
export function chainLinksInto(s: Store, clipId: string): ChainLink[] {
  const clips = s.doc?.clips ?? []
  const at = clips.findIndex((clip) => clip.id === clipId)
  if (at === -1) return []
  return chainLinksOf(clips.slice(Math.max(0, at - 1), at + 2), s.assets).filter((link) => link.toClipId === clipId)
}

/** For the timeline glyph between a clip and the one before it: 'none', 'linked' or 'stale'. */
export const selectChainWithPrevious = (clipId: string) => (s: Store): 'none' | 'linked' | 'stale' => {
  const clips = s.doc?.clips ?? []
  const at = clips.findIndex((clip) => clip.id === clipId)
  const previous = at > 0 ? clips[at - 1] : undefined
  if (!previous) return 'none'
  const links = [...chainLinksInto(s, clipId), ...chainLinksInto(s, previous.id)].filter(
    (link) => (link.fromClipId === previous.id && link.toClipId === clipId) || (link.fromClipId === clipId && link.toClipId === previous.id),
  )
  if (links.length === 0) return 'none'
  return links.some((link) => link.staleAgainst !== null) ? 'stale' : 'linked'
}
