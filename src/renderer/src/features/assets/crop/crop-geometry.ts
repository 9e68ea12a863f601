import type { AspectRatio, CropRect } from '../../../../../shared/domain/project'

export const cropAspects: readonly AspectRatio[] = ['16:9', '9:16', '1:1']
const ratioOf = (aspect: AspectRatio): number => {
  const [w, h] = aspect.split(':').map(Number)
  return w! / h!
}

/** The preset nearest an image's own shape, for slots that have no aspect of their own (elements). */
export function nearestAspect(width: number, height: number): AspectRatio {
  const shape = Math.log(width / height)
  return cropAspects.reduce((best, aspect) => (Math.abs(Math.log(ratioOf(aspect)) - shape) < Math.abs(Math.log(ratioOf(best)) - shape) ? aspect : best))
}

/**
 * The crop of `aspect` at `scale` (1 = the largest that fits) centred on `centre` (fractions of the image),
 * kept inside the image, in whole pixels.
 */
export function cropFor(image: { width: number; height: number }, aspect: AspectRatio, scale: number, centre: { x: number; y: number }): CropRect {
  const ratio = ratioOf(aspect)
  const fullWidth = Math.min(image.width, image.height * ratio)
  const width = Math.max(1, Math.floor(fullWidth * scale))
  const height = Math.max(1, Math.min(image.height, Math.round(width / ratio)))
  const clamp = (value: number, max: number) => Math.round(Math.min(Math.max(value, 0), max))
  return {
    x: clamp(centre.x * image.width - width / 2, image.width - width),
    y: clamp(centre.y * image.height - height / 2, image.height - height),
    width,
    height,
  }
}

/** The centre a crop ends on, so dragging and arrow keys move from where the clamped crop really is. */
export const centreOf = (image: { width: number; height: number }, crop: CropRect) => ({
  x: (crop.x + crop.width / 2) / image.width,
  y: (crop.y + crop.height / 2) / image.height,
})
