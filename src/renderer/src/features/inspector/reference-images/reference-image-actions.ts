import { apiRules } from '../../../../../shared/domain/api-rules'
import type { Asset, Clip } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'

/** Adds dropped or picked images to the clip's reference images, after those it has; false when the list is full. */
export function addReferenceImages(clip: Clip, assets: readonly Asset[]): boolean {
  const current = clip.referenceImageIds ?? []
  const next = [...new Set([...current, ...assets.map((asset) => asset.id)])]
  if (next.length > apiRules.maxClipReferenceImages) return false
  useStore.getState().edit({ type: 'setReferenceImages', clipId: clip.id, assetIds: next })
  return true
}

/** Removing an image renumbers the `<<<image_N>>>` chips after it (the shared edit keeps each naming its image). */
export function removeReferenceImage(clip: Clip, assetId: string): void {
  const next = (clip.referenceImageIds ?? []).filter((id) => id !== assetId)
  useStore.getState().edit({ type: 'setReferenceImages', clipId: clip.id, assetIds: next })
}

export function moveReferenceImage(clip: Clip, assetId: string, delta: -1 | 1): void {
  const next = [...(clip.referenceImageIds ?? [])]
  const from = next.indexOf(assetId)
  const to = from + delta
  if (from === -1 || to < 0 || to >= next.length) return
  next.splice(from, 1)
  next.splice(to, 0, assetId)
  useStore.getState().edit({ type: 'setReferenceImages', clipId: clip.id, assetIds: next })
}

export const fullMessage = `A clip holds at most ${apiRules.maxClipReferenceImages} reference images; remove one first.`
