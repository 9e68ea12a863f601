/**
 * A request body whose image fields hold something other than the final string: an asset slot, a reference, a
 * marker. The other fields (prompts, settings, the video list) pass through as they are.
 */
export type BodyShape<Image> = {
  [field: string]: unknown
  first_frame?: Image
  last_frame?: Image
  images?: Image[]
  elements?: { type: 'image'; frontal_image: Image; reference_images: Image[] }[]
}

/** A body as sent, on any path: every image a string (URL, raw base64 or data URI). */
export type GenerationRequest = BodyShape<string>

/** The one list of where images sit in a body, on every path. */
export function mapImages<From, To>(body: BodyShape<From>, map: (image: From) => To): BodyShape<To> {
  const { first_frame, last_frame, images, elements, ...rest } = body
  const out: BodyShape<To> = { ...rest }
  if (first_frame !== undefined) out.first_frame = map(first_frame)
  if (last_frame !== undefined) out.last_frame = map(last_frame)
  if (images !== undefined) out.images = images.map(map)
  if (elements !== undefined) {
    out.elements = elements.map((element) => ({
      type: element.type,
      frontal_image: map(element.frontal_image),
      reference_images: element.reference_images.map(map),
    }))
  }
  return out
}
