import { describe, expect, it } from 'vitest'
import { chainLinksOf } from '../../../src/shared/takes/chain-links'
import type { Asset, AssetProvenance } from '../../../src/shared/domain/project'

const id = (c: string) => c.repeat(64)
const asset = (c: string, provenance?: AssetProvenance): Asset => ({
  id: id(c), mime: 'image/png', width: 640, height: 360, bytes: 1, originalName: 'f.png', importedAt: '', ...(provenance ? { provenance } : {}),
})
const clip = (clipId: string, over: { first?: string; last?: string; chosen?: string } = {}) => ({
  id: clipId, firstFrameAssetId: over.first ? id(over.first) : null, lastFrameAssetId: over.last ? id(over.last) : null, chosenTakeId: over.chosen ?? null,
})

describe('chains between neighbouring clips', () => {
  const lastOfA = asset('a', { takeId: 't2', clipId: 'c1', timeSeconds: 5, position: 'last' })
  const firstOfC3 = asset('b', { takeId: 't9', clipId: 'c3', timeSeconds: 0, position: 'first' })

  it('links a clip that starts on the previous clip\u2019s last frame, and one that ends on the next clip\u2019s first', () => {
    const links = chainLinksOf([clip('c1', { chosen: 't2' }), clip('c2', { first: 'a', last: 'b' }), clip('c3')], [lastOfA, firstOfC3])
    expect(links).toEqual([
      { fromClipId: 'c1', toClipId: 'c2', slot: 'first', assetId: id('a'), takeId: 't2', staleAgainst: null },
      { fromClipId: 'c3', toClipId: 'c2', slot: 'last', assetId: id('b'), takeId: 't9', staleAgainst: null },
    ])
  })

  it('marks the chain stale once the source clip has another take chosen', () => {
    const [link] = chainLinksOf([clip('c1', { chosen: 't3' }), clip('c2', { first: 'a' })], [lastOfA])
    expect(link?.staleAgainst).toBe('t3')
  })

  it('draws no link for imported images, or once the clips are no longer neighbours', () => {
    expect(chainLinksOf([clip('c1'), clip('c2', { first: 'c' })], [asset('c')])).toEqual([])
    expect(chainLinksOf([clip('c1'), clip('c9'), clip('c2', { first: 'a' })], [lastOfA])).toEqual([])
  })
})
