import type { Asset, Clip } from '../../../../../shared/domain/project'
import { chainLinksOf, type ChainLink } from '../../../../../shared/takes/chain-links'
import { assetsById, clipPositions } from '../../../store/indexes'
import type { Store } from '../../../store/types'

/**
 * Links into a clip from its two neighbours. Every timeline clip runs this on every change, so it looks at the
 * three clips and their frame images only, never at the whole storyboard or asset list.
 */
export function chainLinksInto(s: Store, clipId: string): ChainLink[] {
  const clips = s.doc?.clips ?? []
  const at = clipPositions(clips).get(clipId)
  if (at === undefined) return []
  const near = clips.slice(Math.max(0, at - 1), at + 2)
  return chainLinksOf(near, frameAssetsOf(near, s.assets)).filter((link) => link.toClipId === clipId)
}

function frameAssetsOf(clips: readonly Clip[], assets: Store['assets']): Asset[] {
  const byId = assetsById(assets)
  return clips
    .flatMap((clip) => [clip.firstFrameAssetId, clip.lastFrameAssetId])
    .map((id) => (id === null ? undefined : byId.get(id)))
    .filter((asset): asset is Asset => asset !== undefined)
}

type Glyph = 'none' | 'linked' | 'stale'
const glyphCache = new WeakMap<Clip, { previous: Clip; assets: Store['assets']; glyph: Glyph }>()

/**
 * For the timeline glyph between a clip and the one before it: 'none', 'linked' or 'stale'. Only those two clips
 * and their frames decide it, so the answer is kept until one of them (or the asset list) is a new object.
 */
export const selectChainWithPrevious = (clipId: string) => (s: Store): Glyph => {
  const clips = s.doc?.clips ?? []
  const at = clipPositions(clips).get(clipId) ?? -1
  const previous = at > 0 ? clips[at - 1] : undefined
  const clip = clips[at]
  if (!previous || !clip) return 'none'
  const cached = glyphCache.get(clip)
  if (cached?.previous === previous && cached.assets === s.assets) return cached.glyph
  const links = chainLinksOf([previous, clip], frameAssetsOf([previous, clip], s.assets))
  const glyph = links.length === 0 ? 'none' : links.some((link) => link.staleAgainst !== null) ? 'stale' : 'linked'
  glyphCache.set(clip, { previous, assets: s.assets, glyph })
  return glyph
}
