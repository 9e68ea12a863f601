import type { TokenKind } from '../../../../../shared/domain/element-tokens'
import type { Clip, Element, Take } from '../../../../../shared/domain/project'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import type { VideoSource } from '../../../../../shared/domain/video-reference'

/** What a prompt's tokens can name: a clip, or an edit being drafted (its own images and elements, its video). */
export type TokenSource = Pick<Clip, 'elementIds' | 'referenceImageIds'> & { video: VideoSource | null }

export const clipTokenSource = (clip: Clip): TokenSource => ({
  elementIds: clip.elementIds,
  referenceImageIds: clip.referenceImageIds,
  video: clip.videoReference?.source ?? null,
})

/** How a token shows as a chip: picture (an asset), name, and whether it names nothing the request holds. */
export type TokenChip = { name: string; assetId: string | null; missing: boolean }

type Lookup = { elements: readonly Element[]; takes: readonly Take[] }

/** "Take 2" for a take of this project, the host for the user's own link: how a person tells videos apart. */
export function videoName(source: VideoSource, takes: readonly Take[]): string {
  if (source.kind === 'url') return new URL(source.url).hostname
  const number = takeNumberOf(takes, source.takeId)
  return number === null ? 'Video' : `Take ${number}`
}

export function tokenChip(kind: TokenKind, n: number, source: TokenSource, { elements, takes }: Lookup): TokenChip {
  if (kind === 'video') {
    return source.video ? { name: videoName(source.video, takes), assetId: null, missing: false } : { name: 'video?', assetId: null, missing: true }
  }
  if (kind === 'image') {
    const assetId = source.referenceImageIds?.[n - 1] ?? null
    return { name: assetId ? `Image ${n}` : `image ${n}?`, assetId, missing: assetId === null }
  }
  const element = elements.find((e) => e.id === source.elementIds[n - 1])
  if (!element) return { name: `element ${n}?`, assetId: null, missing: true }
  return { name: element.name || `Element ${n}`, assetId: element.frontalAssetId, missing: false }
}
