import { fail } from '../../../shared/errors'
import { MAX_SOURCE_BYTES, megabytes } from '../images/image-checks'
import { sniffImageFormat } from '../images/image-format'

export type DownloadLimits = { maxBytes: number; timeoutMs: number; maxRedirects: number }
export const defaultDownloadLimits: DownloadLimits = { maxBytes: MAX_SOURCE_BYTES, timeoutMs: 30_000, maxRedirects: 5 }
export type DownloadedImage = { name: string; bytes: Uint8Array }

const hint = 'Save the image from the browser, then drop the file instead.'
const refuse = (message: string, extraHint = hint): never => fail('image_download_failed', message, extraHint)

/**
 * Downloads an image dragged from a web page. The renderer only names a URL; main fetches it with limits on
 * scheme (http and https only, on every redirect), redirects, time and size, and what arrives is judged by its
 * bytes, never by the server's Content-Type.
 */
export async function downloadImage(url: string, fetchImpl: typeof fetch, limits: DownloadLimits = defaultDownloadLimits): Promise<DownloadedImage> {
  let current = webUrl(url)
  const signal = AbortSignal.timeout(limits.timeoutMs)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(current, { redirect: 'manual', signal, credentials: 'omit' })
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        if (redirects >= limits.maxRedirects) refuse(`The link redirected more than ${limits.maxRedirects} times.`)
        current = webUrl(new URL(location, current).href)
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        refuse(`The web server answered ${response.status} ${response.statusText}`.trim() + '.')
      }
      const bytes = await readLimited(response, limits.maxBytes)
      const format = sniffImageFormat(bytes)
      if (!format.readable && format.label === 'HTML') {
        refuse('The link opens a web page, not an image.', 'Drag the picture itself, or open it on its own and copy its address.')
      }
      return { name: nameFromUrl(current), bytes }
    }
  } catch (cause) {
    if (signal.aborted) refuse(`The download took longer than ${Math.round(limits.timeoutMs / 1000)} s.`)
    if (cause instanceof TypeError) refuse(`Could not reach ${current.host}.`, 'Check the connection, or save the image and drop the file instead.')
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
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  const tooBig = (): never => refuse(`The image is larger than ${megabytes(maxBytes)}, more than Omniboard downloads.`)
  if (declared > maxBytes) {
    await response.body?.cancel()
    tooBig()
  }
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      tooBig()
    }
    chunks.push(read.value)
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
