import type { Asset, Clip } from '../domain/project'

/**
 * A frame one clip takes from a neighbour's take: the next clip starting on this one's last frame (`slot: 'first'`
 * on `toClipId`), or the previous clip ending on this one's first frame (`slot: 'last'`).
 */
export type ChainLink = {
  fromClipId: string
  toClipId: string
  slot: 'first' | 'last'
  assetId: string
  takeId: string
  /** The source clip's chosen take when it is not the one the frame came from: the chain is out of date. */
  staleAgainst: string | null
}

/** Links between neighbouring clips, left to right, read from the provenance of their frame images. */
export function chainLinksOf(clips: readonly Pick<Clip, 'id' | 'firstFrameAssetId' | 'lastFrameAssetId' | 'chosenTakeId'>[], assets: readonly Asset[]): ChainLink[] {
  const byId = new Map(assets.map((asset) => [asset.id, asset]))
  const links: ChainLink[] = []
  clips.forEach((clip, i) => {
    const previous = clips[i - 1]
    const next = clips[i + 1]
    const first = clip.firstFrameAssetId ? byId.get(clip.firstFrameAssetId) : undefined
    if (previous && first?.provenance?.clipId === previous.id && first.provenance.position === 'last') {
      links.push(link(previous, clip, 'first', first))
    }
    const last = clip.lastFrameAssetId ? byId.get(clip.lastFrameAssetId) : undefined
    if (next && last?.provenance?.clipId === next.id && last.provenance.position === 'first') {
      links.push(link(next, clip, 'last', last))
    }
  })
  return links
}

function link(source: Pick<Clip, 'id' | 'chosenTakeId'>, target: Pick<Clip, 'id'>, slot: 'first' | 'last', asset: Asset): ChainLink {
  const takeId = asset.provenance!.takeId
  const stale = source.chosenTakeId !== null && source.chosenTakeId !== takeId
  return { fromClipId: source.id, toClipId: target.id, slot, assetId: asset.id, takeId, staleAgainst: stale ? source.chosenTakeId : null }
}
