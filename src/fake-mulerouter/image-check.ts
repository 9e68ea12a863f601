/** Written apart from the client on purpose: if both shared one check, a client bug would pass its own test. */

const MAX_IMAGE_BYTES = 10 * 1024 * 1024
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+);base64,/i

export type ImageFormat = 'png' | 'jpeg'

export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length >= png.length && png.every((byte, i) => bytes[i] === byte)) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return null
}

export interface CheckedImage {
  form: 'url' | 'base64' | 'dataUri'
  format?: ImageFormat
  bytes?: Buffer
}

/** Returns the problem in words, or the decoded image. URLs are accepted without fetching them. */
export function checkImageValue(value: unknown, field: string): { error: string } | { image: CheckedImage } {
  if (typeof value !== 'string') return { error: `${field} must be a string (URL or base64 image)` }
  if (value === '') return { error: `${field} must not be empty` }
  if (/^https?:\/\//i.test(value)) return { image: { form: 'url' } }
  let payload = value
  let form: CheckedImage['form'] = 'base64'
  const dataUri = DATA_URI.exec(value)
  if (dataUri) {
    const mime = dataUri[1]?.toLowerCase()
    if (mime !== 'image/png' && mime !== 'image/jpeg' && mime !== 'image/jpg') {
      return { error: `${field}: data URI type ${mime ?? ''} is not image/png or image/jpeg` }
    }
    payload = value.slice(dataUri[0].length)
    form = 'dataUri'
  } else if (value.startsWith('data:')) {
    return { error: `${field}: data URI must be of the form data:<mime>;base64,<data>` }
  }
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) return { error: `${field} is not valid base64` }
  const bytes = Buffer.from(payload, 'base64')
  if (bytes.length > MAX_IMAGE_BYTES) return { error: `${field} is larger than 10 MB` }
  const format = sniffImage(bytes)
  if (!format) return { error: `${field} is not a JPEG or PNG image` }
  return { image: { form, format, bytes } }
}
