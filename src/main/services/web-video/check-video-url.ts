import type { IncomingMessage } from 'node:http'
import { apiRules } from '../../../shared/domain/api-rules'
import type { CheckedVideoUrl } from '../../../shared/domain/video-reference'
import { systemAddressPolicy, type AddressPolicy } from '../web-images/checked-address'
import { pinnedFetch, refuseLink, videoLink, type VideoLinkOptions } from './pinned-fetch'
import { probeRemoteVideo } from './probe-remote-video'
import { megabytes } from '../../../shared/byte-size'

export type VideoUrlCheckOptions = { addresses?: AddressPolicy; timeoutMs?: number; allowHttp?: boolean }
export type VideoUrlChecker = (url: string) => Promise<CheckedVideoUrl>


/**
 * Checks a user's video link before it counts, without downloading it: a HEAD (or, where HEAD is refused, a
 * one-byte Range GET) for its type (MP4 or MOV) and size (≤ 200 MB), then its index, read by byte ranges, for
 * duration, picture size and frame rate. Nothing is ever uploaded. Refusals are `video_url_refused` in plain words.
 */
export async function checkVideoUrl(text: string, options: VideoUrlCheckOptions = {}): Promise<CheckedVideoUrl> {
  const link: VideoLinkOptions = {
    addresses: options.addresses ?? systemAddressPolicy,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    ...(options.allowHttp ? { allowHttp: true } : {}),
  }
  const url = videoLink(text.trim(), link)
  const head = await typeAndSize(url, link)
  const { mimeTypes, maxBytes } = apiRules.video
  if (!(mimeTypes as readonly string[]).includes(head.contentType)) {
    refuseLink(`The link gives ${head.contentType || 'something without a type'}, not an MP4 or MOV video.`)
  }
  if (head.bytes > maxBytes) refuseLink(`The video is ${megabytes(head.bytes)}; Kling takes at most ${megabytes(maxBytes)}.`, 'Use a shorter or smaller copy.')
  const media = await probeRemoteVideo(url, head.bytes, link)
  return { url: url.href, facts: { ...media, bytes: head.bytes, contentType: head.contentType } }
}

async function typeAndSize(url: URL, link: VideoLinkOptions): Promise<{ contentType: string; bytes: number }> {
  const head = await pinnedFetch(url, { method: 'HEAD', headers: { accept: 'video/*' } }, link)
  head.resume()
  const length = Number(head.headers['content-length'])
  if (ok(head) && Number.isSafeInteger(length) && length > 0) return { contentType: typeOf(head), bytes: length }
  // Some hosts refuse HEAD or leave out the length; the first byte of the file says both.
  const first = await pinnedFetch(url, { method: 'GET', headers: { accept: 'video/*', range: 'bytes=0-0' } }, link)
  first.destroy()
  if (!ok(first)) refuseLink(`The web server answered ${first.statusCode ?? 0} ${first.statusMessage ?? ''}`.trim() + '.', 'Check that the link opens the video in a browser.')
  const total = Number(/\/(\d+)$/.exec(String(first.headers['content-range'] ?? ''))?.[1])
  if (first.statusCode !== 206 || !Number.isSafeInteger(total)) {
    refuseLink('The web server does not say how large the video is, so it cannot be checked.', 'Host the file where it can be read in parts (most file hosts and CDNs can).')
  }
  return { contentType: typeOf(first), bytes: total }
}

const ok = (response: IncomingMessage): boolean => (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300
const typeOf = (response: IncomingMessage): string => String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
