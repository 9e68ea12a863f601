import type { IncomingMessage } from 'node:http'
import { fail, isAppErrorException } from '../../../shared/errors'
import { megabytes } from '../../../shared/byte-size'
import { MAX_SOURCE_BYTES } from '../images/image-checks'
import { sniffImageFormat } from '../images/image-format'
import { checkedAddress, systemAddressPolicy, type AddressPolicy } from './checked-address'
import { pinnedGet } from './pinned-get'

export type DownloadLimits = { maxBytes: number; timeoutMs: number; maxRedirects: number }
export const defaultDownloadLimits: DownloadLimits = { maxBytes: MAX_SOURCE_BYTES, timeoutMs: 30_000, maxRedirects: 5 }
/** `allowPrivate`: the user confirmed a link that leads to this computer or a private network. */
export type DownloadOptions = { allowPrivate: boolean; limits?: DownloadLimits; addresses?: AddressPolicy }
export type DownloadedImage = { name: string; bytes: Uint8Array }

const hint = 'Save the image from the browser, then drop the file instead.'
const refuse = (message: string, extraHint = hint): never => fail('image_download_failed', message, extraHint)

/**
 * Downloads an image dragged from a web page. The renderer only names a URL; main fetches it with limits on
 * scheme (http and https only), the address it leads to (checked after DNS, connected to as checked), redirects
 * (followed one by one, each checked again), time and size, and what arrives is judged by its bytes, never by the
 * server's Content-Type.
 */
export async function downloadImage(url: string, options: DownloadOptions): Promise<DownloadedImage> {
  const limits = options.limits ?? defaultDownloadLimits
  let current = webUrl(url)
  const signal = AbortSignal.timeout(limits.timeoutMs)
  try {
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(current, options.addresses ?? systemAddressPolicy, options.allowPrivate)
      const response = await pinnedGet(current, address, signal)
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (status >= 300 && status < 400 && location) {
        response.destroy()
        if (redirects >= limits.maxRedirects) refuse(`The link redirected more than ${limits.maxRedirects} times.`)
        current = webUrl(new URL(location, current).href)
        continue
      }
      if (status < 200 || status >= 300) {
        response.destroy()
        refuse(`The web server answered ${status} ${response.statusMessage ?? ''}`.trim() + '.')
      }
      const bytes = await readLimited(response, limits.maxBytes)
      const format = sniffImageFormat(bytes)
      if (!format.readable && format.label === 'HTML') {
        refuse('The link opens a web page, not an image.', 'Drag the picture itself, or open it on its own and copy its address.')
      }
      return { name: nameFromUrl(current), bytes }
    }
  } catch (cause) {
    if (isAppErrorException(cause)) throw cause
    if (signal.aborted) refuse(`The download took longer than ${Math.round(limits.timeoutMs / 1000)} s.`)
    // Node's network errors (refused, reset, unknown host, bad certificate) carry a code; anything else is a bug.
    if (typeof (cause as NodeJS.ErrnoException).code === 'string') refuse(`Could not reach ${current.host}.`, 'Check the connection, or save the image and drop the file instead.')
    throw cause
  }
}

function webUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return refuse('That is not a web address Omniboard can download.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(`Only http and https links can be downloaded, not ${url.protocol.replace(':', '')}.`)
  return url
}

/** Stops at the limit instead of trusting Content-Length, which a server may leave out or get wrong. */
async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooBig = (): never => {
    response.destroy()
    return refuse(`The image is larger than ${megabytes(maxBytes)}, more than Omniboard downloads.`)
  }
  if (Number(response.headers['content-length']) > maxBytes) tooBig()
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (total > maxBytes) tooBig()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function nameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop()
  try {
    return (last ? decodeURIComponent(last) : url.hostname).slice(0, 200)
  } catch {
    return last ?? url.hostname
  }
}
