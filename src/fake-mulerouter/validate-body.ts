import { checkImageValue } from './image-check'

/**
 * The text-to-video contract as the vendor page states it, checked by hand (no shared schema with the client,
 * so the fake can catch the client's mistakes). Returns every problem in words; empty means accepted.
 */
const FIELDS = new Set([
  'prompt',
  'negative_prompt',
  'multi_shot',
  'shot_type',
  'multi_prompt',
  'duration',
  'mode',
  'aspect_ratio',
  'sound',
  'first_frame',
  'last_frame',
  'elements',
])

export type Json = Record<string, unknown>
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
export const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)
const chars = (text: string): number => Array.from(text).length
export const present = (value: unknown): boolean => value !== undefined && value !== null

/** `withImages`: the reference-to-video body, text-to-video's plus `images` (counted toward the 7). */
export function validateTextToVideoBody(body: unknown, withImages = false): string[] {
  if (!isObject(body)) return ['body must be a JSON object']
  const problems: string[] = []
  for (const key of Object.keys(body)) if (!FIELDS.has(key) && !(withImages && key === 'images')) problems.push(`unknown field '${key}'`)

  checkText(body, 'prompt', 2500, problems)
  checkText(body, 'negative_prompt', 2500, problems)
  checkEnum(body, 'mode', ['std', 'pro'], problems)
  checkEnum(body, 'aspect_ratio', ['16:9', '9:16', '1:1'], problems)
  checkEnum(body, 'sound', ['on', 'off'], problems)
  checkEnum(body, 'shot_type', ['customize', 'intelligence'], problems)
  if (present(body.multi_shot) && typeof body.multi_shot !== 'boolean') problems.push('multi_shot must be a boolean')

  const duration = present(body.duration) ? body.duration : 5
  if (!isInteger(duration)) problems.push('duration must be an integer')
  else if (duration < 3 || duration > 15) problems.push('duration must be between 3 and 15 seconds')

  const multiShot = body.multi_shot === true
  if (multiShot && !present(body.shot_type)) problems.push('shot_type is required when multi_shot is true')
  if (present(body.multi_prompt)) checkMultiPrompt(body.multi_prompt, duration, problems)
  if (multiShot && body.shot_type === 'customize' && !present(body.multi_prompt)) problems.push('multi_prompt is required for shot_type customize')
  const hasPrompt = typeof body.prompt === 'string' && body.prompt.trim() !== ''
  if (multiShot && body.shot_type === 'intelligence' && !hasPrompt) problems.push('prompt is required for shot_type intelligence')
  if (!hasPrompt && !present(body.multi_prompt)) problems.push('either prompt or multi_prompt must be provided')

  let images = 0
  for (const field of ['first_frame', 'last_frame'] as const) {
    if (!present(body[field])) continue
    images++
    checkImageValueAt(body[field], field, problems)
  }
  if (present(body.last_frame) && !present(body.first_frame)) problems.push('last_frame requires first_frame')
  if (present(body.elements)) images += checkElements(body.elements, problems)
  if (withImages) images += checkImageList(body.images, 7, problems)
  if (images > 7) problems.push(`images and elements together must not exceed 7 (got ${images})`)
  return problems
}

export function checkText(body: Json, field: string, max: number, problems: string[]): void {
  const value = body[field]
  if (!present(value)) return
  if (typeof value !== 'string') problems.push(`${field} must be a string`)
  else if (chars(value) > max) problems.push(`${field} must be at most ${max} characters (got ${chars(value)})`)
}

export function checkEnum(body: Json, field: string, allowed: readonly string[], problems: string[]): void {
  const value = body[field]
  if (present(value) && (typeof value !== 'string' || !allowed.includes(value))) problems.push(`${field} must be one of ${allowed.join(', ')}`)
}

function checkMultiPrompt(value: unknown, duration: unknown, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push('multi_prompt must be an array')
    return
  }
  if (value.length < 1 || value.length > 6) problems.push(`multi_prompt must have 1 to 6 items (got ${value.length})`)
  let sum = 0
  value.forEach((item, i) => {
    const where = `multi_prompt[${i}]`
    if (!isObject(item)) return problems.push(`${where} must be an object`)
    for (const key of Object.keys(item)) if (key !== 'prompt' && key !== 'duration') problems.push(`${where}: unknown field '${key}'`)
    if (typeof item.prompt !== 'string' || item.prompt.trim() === '') problems.push(`${where}.prompt must be a non-empty string`)
    else if (chars(item.prompt) > 512) problems.push(`${where}.prompt must be at most 512 characters`)
    if (!isInteger(item.duration) || item.duration < 1) problems.push(`${where}.duration must be an integer of at least 1`)
    else sum += item.duration
    return undefined
  })
  if (isInteger(duration) && sum !== duration) problems.push(`multi_prompt durations sum to ${sum}, but duration is ${duration}`)
}

export function checkImageValueAt(value: unknown, where: string, problems: string[]): void {
  const checked = checkImageValue(value, where)
  if ('error' in checked) problems.push(checked.error)
}

/** `images[]`: 1 to `max` images (URL or base64); returns how many count toward a limit. */
export function checkImageList(value: unknown, max: number, problems: string[]): number {
  if (!present(value)) return 0
  if (!Array.isArray(value) || value.length < 1 || value.length > max) {
    problems.push(`images must be an array of 1 to ${max} images`)
    return Array.isArray(value) ? value.length : 0
  }
  value.forEach((image, i) => checkImageValueAt(image, `images[${i}]`, problems))
  return value.length
}

/** Returns how many elements count toward the limit of 7. */
export function checkElements(value: unknown, problems: string[]): number {
  if (!Array.isArray(value)) {
    problems.push('elements must be an array')
    return 0
  }
  value.forEach((element, i) => {
    const where = `elements[${i}]`
    if (!isObject(element)) return problems.push(`${where} must be an object`)
    for (const key of Object.keys(element)) {
      if (!['type', 'frontal_image', 'reference_images'].includes(key)) problems.push(`${where}: unknown field '${key}'`)
    }
    if (element.type !== 'image') problems.push(`${where}.type must be 'image'`)
    const frontal = checkImageValue(element.frontal_image, `${where}.frontal_image`)
    if ('error' in frontal) problems.push(frontal.error)
    const references = element.reference_images
    if (!Array.isArray(references) || references.length < 1 || references.length > 3) {
      return problems.push(`${where}.reference_images must have 1 to 3 images`)
    }
    references.forEach((reference, j) => {
      const checked = checkImageValue(reference, `${where}.reference_images[${j}]`)
      if ('error' in checked) problems.push(checked.error)
    })
    return undefined
  })
  return value.length
}
