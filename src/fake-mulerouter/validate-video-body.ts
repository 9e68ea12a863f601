import { BufferSource, Input, MP4, QTFF } from 'mediabunny'
import type { FakePath } from './routes'
import { checkElements, checkEnum, checkImageList, checkImageValueAt, checkText, isInteger, isObject, present, validateTextToVideoBody, type Json } from './validate-body'

/**
 * The video paths' contract as the vendor's pages and Kling's specification state it, checked by hand apart from
 * the client. The video is fetched from the URL given (the fake, like MuleRouter, has no upload), so a test that
 * passes proves the link was live and the file within Kling's rules. Returns every problem in words.
 */
const EDIT_FIELDS = new Set(['prompt', 'negative_prompt', 'video_list', 'images', 'elements', 'mode', 'aspect_ratio', 'sound', 'duration'])
const GENERATION_FIELDS = new Set([...EDIT_FIELDS, 'first_frame', 'last_frame'])
const MAX_VIDEO_BYTES = 200 * 1024 * 1024
export const FAKE_FETCH_AGENT = 'fake-mulerouter-video-fetch'

export type VideoPath = 'video-to-video/edit' | 'video-to-video/generation'

/** Every problem with a body POSTed to `path`, in words; empty means accepted. */
export function validateBodyFor(path: FakePath, body: unknown): Promise<string[]> | string[] {
  if (path === 'video-to-video/edit' || path === 'video-to-video/generation') return validateVideoBody(path, body)
  return validateTextToVideoBody(body, path === 'reference-to-video/generation')
}

export async function validateVideoBody(path: VideoPath, body: unknown): Promise<string[]> {
  if (!isObject(body)) return ['body must be a JSON object']
  const edit = path === 'video-to-video/edit'
  const problems: string[] = []
  for (const key of Object.keys(body)) {
    if (edit && (key === 'first_frame' || key === 'last_frame')) problems.push(`${key} is not allowed on an edit`)
    else if (!(edit ? EDIT_FIELDS : GENERATION_FIELDS).has(key)) problems.push(`unknown field '${key}'`)
  }
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') problems.push('prompt is required')
  checkText(body, 'prompt', 2500, problems)
  checkText(body, 'negative_prompt', 2500, problems)
  checkEnum(body, 'mode', ['std', 'pro'], problems)
  checkEnum(body, 'aspect_ratio', ['16:9', '9:16', '1:1'], problems)
  if (present(body.sound) && body.sound !== 'off') problems.push('sound must be off with a video (keep_original_sound keeps its sound)')
  if (!edit && present(body.duration) && (!isInteger(body.duration) || body.duration < 3 || body.duration > 15)) problems.push('duration must be between 3 and 15 seconds')
  if (!edit) {
    for (const field of ['first_frame', 'last_frame'] as const) if (present(body[field])) checkImageValueAt(body[field], field, problems)
    if (present(body.last_frame) && !present(body.first_frame)) problems.push('last_frame requires first_frame')
  }
  const images = checkImageList(body.images, 4, problems) + (present(body.elements) ? checkElements(body.elements, problems) : 0)
  if (images > 4) problems.push(`with a video, images and elements together must not exceed 4 (got ${images})`)
  const url = videoUrlOf(body, edit ? 'base' : 'feature', problems)
  if (url !== null && problems.length === 0) problems.push(...(await fetchedVideoProblems(url)))
  return problems
}

function videoUrlOf(body: Json, referType: 'base' | 'feature', problems: string[]): string | null {
  const list = body.video_list
  if (!Array.isArray(list) || list.length !== 1) {
    problems.push('video_list must hold exactly one video')
    return null
  }
  const item: unknown = list[0]
  if (!isObject(item)) {
    problems.push('video_list[0] must be an object')
    return null
  }
  for (const key of Object.keys(item)) if (!['video_url', 'refer_type', 'keep_original_sound'].includes(key)) problems.push(`video_list[0]: unknown field '${key}'`)
  if (item.refer_type !== referType) problems.push(`video_list[0].refer_type must be '${referType}' on this path`)
  if (item.keep_original_sound !== 'yes' && item.keep_original_sound !== 'no') problems.push("video_list[0].keep_original_sound must be 'yes' or 'no'")
  const url = item.video_url
  if (typeof url !== 'string' || !/^https?:\/\//.test(url) || !URL.canParse(url)) {
    problems.push('video_list[0].video_url must be a URL (a video is never sent as base64)')
    return null
  }
  return url
}

/** Fetches the video as MuleRouter would, then holds it to Kling's rules: MP4/MOV, 3–10 s, 720–2160 px, 24–60 fps, ≤ 200 MB. */
async function fetchedVideoProblems(url: string): Promise<string[]> {
  let bytes: ArrayBuffer
  try {
    const response = await fetch(url, { headers: { 'user-agent': FAKE_FETCH_AGENT }, signal: AbortSignal.timeout(10_000) })
    if (!response.ok) return [`video_url could not be fetched (HTTP ${response.status})`]
    if (Number(response.headers.get('content-length')) > MAX_VIDEO_BYTES) return ['the video must be at most 200 MB']
    bytes = await response.arrayBuffer()
  } catch {
    return ['video_url could not be fetched']
  }
  if (bytes.byteLength > MAX_VIDEO_BYTES) return ['the video must be at most 200 MB']
  const input = new Input({ source: new BufferSource(bytes), formats: [MP4, QTFF] })
  try {
    const video = await input.getPrimaryVideoTrack()
    if (!video) return ['the video has no video track']
    const seconds = (await video.computeDuration()) - (await video.getFirstTimestamp())
    const fps = (await video.computePacketStats(120)).averagePacketRate
    const sides = [video.displayWidth, video.displayHeight]
    const problems: string[] = []
    if (seconds < 3 || seconds > 10) problems.push(`the video must be 3 to 10 seconds long (got ${seconds.toFixed(1)})`)
    if (sides.some((side) => side < 720 || side > 2160)) problems.push(`the video must be 720 to 2160 px on each side (got ${sides.join('x')})`)
    if (fps < 24 || fps > 60) problems.push(`the video must be 24 to 60 fps (got ${fps.toFixed(1)})`)
    return problems
  } catch {
    return ['the video is not a readable MP4 or MOV file']
  } finally {
    input.dispose()
  }
}
