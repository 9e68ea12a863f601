import type { TextToVideoRequest } from './request-schema'

/** A body whose image fields hold something other than the final string: an asset slot, a reference, a marker. */
export type BodyShape<Image> = Omit<TextToVideoRequest, 'first_frame' | 'last_frame' | 'elements'> & {
  first_frame?: Image
  last_frame?: Image
  elements?: { type: 'image'; frontal_image: Image; reference_images: Image[] }[]
}

/** The one list of where images sit in a text-to-video body. */
export function mapImages<From, To>(body: BodyShape<From>, map: (image: From) => To): BodyShape<To> {
  const { first_frame, last_frame, elements, ...rest } = body
  const out: BodyShape<To> = { ...rest }
  if (first_frame !== undefined) out.first_frame = map(first_frame)
  if (last_frame !== undefined) out.last_frame = map(last_frame)
  if (elements !== undefined) {
    out.elements = elements.map((element) => ({
      type: element.type,
      frontal_image: map(element.frontal_image),
      reference_images: element.reference_images.map(map),
    }))
  }
  return out
}
