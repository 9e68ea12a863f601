import { apiRules } from '../../../../../shared/domain/api-rules'
import { createElement } from '../../../../../shared/domain/edits'
import { newId } from '../../../../../shared/domain/ids'
import type { Asset, Element } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'

const store = () => useStore.getState()

/** The first image is the frontal view; up to three more become references. The new element joins the
 * selected clip, since that is nearly always why it was made. */
export function createElementFromAssets(assets: readonly Asset[]): void {
  const count = store().doc?.elements.length ?? 0
  const element: Element = {
    ...createElement(newId(), `Element ${count + 1}`),
    frontalAssetId: assets[0]?.id ?? null,
    referenceAssetIds: assets.slice(1, 1 + apiRules.maxReferenceImagesPerElement).map((a) => a.id),
  }
  const clipId = store().selectedClipId
  store().edit([{ type: 'addElement', element }, ...(clipId ? [{ type: 'attachElement' as const, clipId, elementId: element.id }] : [])])
}

/** Dropping several images on a reference slot fills it and the slots after it. */
export function setReferences(element: Element, slot: number, assets: readonly Asset[]): void {
  const refs = [...element.referenceAssetIds]
  assets.forEach((asset, i) => {
    const at = Math.min(slot + i, refs.length)
    if (at < apiRules.maxReferenceImagesPerElement) refs[at] = asset.id
  })
  store().edit({ type: 'updateElement', elementId: element.id, patch: { referenceAssetIds: refs.slice(0, apiRules.maxReferenceImagesPerElement) } })
}

export function removeReference(element: Element, slot: number): void {
  const refs = element.referenceAssetIds.filter((_, i) => i !== slot)
  store().edit({ type: 'updateElement', elementId: element.id, patch: { referenceAssetIds: refs } })
}
