import sharp from 'sharp'
import type { Asset, CropRect } from '../../../shared/domain/project'
import { fail, isAppErrorException } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import { nodeDurableFs, type DurableFs } from '../disk/atomic-write'
import { assetFileName, requirePathInsideProject } from '../disk/project-folder'
import { contentHashInSlices, storeAssetFiles } from './asset-files'
import { aspectRefusal, checkMinSide, fitsAspect, MAX_INPUT_PIXELS, MAX_SOURCE_BYTES, unreadable } from './image-checks'
import { encodeToFit } from './encode-to-fit'
import { makeThumbnail } from './thumbnail'

export type CropDeps = { now(): Date; disk?: DurableFs }

/**
 * Makes a new asset from a rectangle of another one, which stays as it was: the crop is stored as parameters
 * on the new asset (`derivedFrom`), so it can be seen and made again. Returns the existing asset when the same
 * crop was made before.
 */
export async function cropImage(dir: string, source: Asset, crop: CropRect, existing: readonly Asset[], deps: CropDeps): Promise<Asset> {
  if (crop.x + crop.width > source.width || crop.y + crop.height > source.height) {
    fail('invalid_request', `The crop reaches outside the ${source.width}×${source.height} px image.`, 'Move the crop inside the image and try again.')
  }
  checkMinSide(crop.width, crop.height)
  if (!fitsAspect(crop.width, crop.height)) {
    const refusal = aspectRefusal(crop.width, crop.height)
    fail(refusal.code, refusal.message, 'Choose one of the preset shapes: 16:9, 9:16 or 1:1.')
  }
  const bytes = await readContained(dir, requirePathInsideProject(dir, 'assets', assetFileName(source.id, source.mime)), MAX_SOURCE_BYTES).catch((cause: NodeJS.ErrnoException) =>
    cause.code === 'ENOENT' ? fail('not_found', 'The image to crop is missing from the project folder.', 'Import it again.') : Promise.reject(cause),
  )
  const pipeline = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS }).extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
  const hasAlpha = (await sharp(bytes).metadata().catch(() => unreadable())).hasAlpha
  const encoded = await encodeToFit(pipeline, source.mime === 'image/png' ? 'png' : 'jpeg', hasAlpha, crop.width, crop.height).catch((cause: unknown) => {
    if (isAppErrorException(cause)) throw cause
    return unreadable()
  })
  const id = await contentHashInSlices(encoded.bytes)
  const asset: Asset = existing.find((known) => known.id === id) ?? {
    id,
    mime: encoded.format === 'png' ? 'image/png' : 'image/jpeg',
    width: encoded.width,
    height: encoded.height,
    bytes: encoded.bytes.byteLength,
    originalName: source.originalName,
    importedAt: deps.now().toISOString(),
    derivedFrom: { assetId: source.id, crop },
  }
  await storeAssetFiles(dir, asset, encoded.bytes, await makeThumbnail(encoded.bytes), deps.disk ?? nodeDurableFs)
  return asset
}
