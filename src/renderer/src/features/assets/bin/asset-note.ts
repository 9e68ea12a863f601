import type { Asset } from '../../../../../shared/domain/project'

/** What Omniboard did to an image, in the words shown wherever the image is listed; null when nothing. */
export function assetNote(asset: Asset): string | null {
  if (asset.derivedFrom) {
    const { crop } = asset.derivedFrom
    return `cropped: ${crop.width}×${crop.height} px from ${crop.x}, ${crop.y} of the image it came from, which is kept`
  }
  return asset.conversion?.note ?? null
}

/** The first thing said, short enough for a tile: "converted from WebP", "turned upright…", "cropped". */
export const shortAssetNote = (asset: Asset): string | null => (asset.derivedFrom ? 'cropped' : (asset.conversion?.note.split('; ')[0] ?? null))
