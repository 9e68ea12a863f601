import type { IncomingMessage } from 'node:http'
import { AppErrorException, fail, isAppErrorException } from '../../../shared/errors'
import { checkedAddress, type AddressPolicy } from '../web-images/checked-address'
import { pinnedGet, type PinnedRequestOptions } from '../web-images/pinned-get'

export type VideoLinkOptions = {
  addresses: AddressPolicy
  signal: AbortSignal
  /** `http:` too: only tests on loopback, whose servers have no certificate. Users' links are https only. */
  allowHttp?: boolean
}

const maxRedirects = 5
export const publicLinkHint = 'Kling fetches the video from the internet itself: give a public https link to the MP4 or MOV file.'
export function refuseLink(message: string, hint = publicLinkHint): never {
  return fail('video_url_refused', message, hint)
}

/** The link as a URL Omniboard may ask about: https (never file:, data: or a private address). */
export function videoLink(text: string, options: Pick<VideoLinkOptions, 'allowHttp'>): URL {
  if (!URL.canParse(text)) refuseLink('That is not a web address.')
  const url = new URL(text)
  const allowed = options.allowHttp === true ? ['https:', 'http:'] : ['https:']
  if (!allowed.includes(url.protocol)) refuseLink(`Only https links can be sent to Kling, not ${url.protocol.replace(':', '')}.`)
  return url
}

/**
 * A HEAD or a GET of a user's video link, connected to the address that was checked (never this computer or a
 * private network: Omniboard must not become a way into them), following redirects one by one, each checked again.
 */
export async function pinnedFetch(start: URL, request: PinnedRequestOptions, options: VideoLinkOptions): Promise<IncomingMessage> {
  let current = start
  try {
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(current, options.addresses, false)
      const response = await pinnedGet(current, address, options.signal, request)
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (status < 300 || status >= 400 || !location) return response
      response.destroy()
      if (redirects >= maxRedirects) refuseLink(`The link redirected more than ${maxRedirects} times.`)
      current = videoLink(new URL(location, current).href, options)
    }
  } catch (cause) {
    if (isAppErrorException(cause) && cause.error.code !== 'video_url_refused') {
      // checkedAddress speaks of images; the words about the place it leads to hold for a video too.
      throw new AppErrorException({ code: 'video_url_refused', message: cause.error.message, hint: publicLinkHint })
    }
    if (isAppErrorException(cause)) throw cause
    if (options.signal.aborted) refuseLink(`${current.host} took too long to answer.`)
    if (typeof (cause as NodeJS.ErrnoException).code === 'string') refuseLink(`Could not reach ${current.host}.`, 'Check the connection and the link.')
    throw cause
  }
}
