import { CustomSource, Input, MP4, QTFF } from 'mediabunny'
import type { VideoFacts } from '../../../shared/domain/video-reference'
import { AppErrorException, isAppErrorException } from '../../../shared/errors'
import { pinnedFetch, refuseLink, type VideoLinkOptions } from './pinned-fetch'

/** Reading the index of a video takes a few hundred KB; a file that needs more to say its length is refused. */
const MAX_PROBE_BYTES = 16 * 1024 * 1024

/**
 * Duration, picture size and frame rate of a video on the web, read from its index by byte-range requests (the
 * index may sit at the end of the file), never the whole file.
 */
export async function probeRemoteVideo(url: URL, size: number, link: VideoLinkOptions): Promise<Omit<VideoFacts, 'bytes' | 'contentType'>> {
  let readBytes = 0
  const source = new CustomSource({
    getSize: () => size,
    read: async (start, end) => {
      readBytes += end - start
      if (readBytes > MAX_PROBE_BYTES) refuseLink('The video’s index could not be found in its first megabytes.', 'Use an MP4 or MOV saved for the web ("fast start").')
      const response = await pinnedFetch(url, { method: 'GET', headers: { range: `bytes=${start}-${end - 1}` } }, link)
      if (response.statusCode !== 206) {
        response.destroy()
        refuseLink('The web server does not send parts of the video, so it cannot be checked.', 'Host the file where it can be read in parts (most file hosts and CDNs can).')
      }
      const chunks: Buffer[] = []
      for await (const chunk of response as AsyncIterable<Buffer>) chunks.push(chunk)
      return new Uint8Array(Buffer.concat(chunks)).subarray(0, end - start)
    },
    prefetchProfile: 'network',
  })
  const input = new Input({ source, formats: [MP4, QTFF] })
  try {
    const video = await input.getPrimaryVideoTrack()
    if (!video) refuseLink('The link’s file has no video track.')
    const stats = await video.computePacketStats(120)
    return {
      durationSeconds: (await video.computeDuration()) - (await video.getFirstTimestamp()),
      width: await video.getSquarePixelWidth(),
      height: await video.getSquarePixelHeight(),
      fps: stats.averagePacketRate,
    }
  } catch (cause) {
    if (isAppErrorException(cause)) throw cause
    throw new AppErrorException({ code: 'video_url_refused', message: 'The link’s file is not a readable MP4 or MOV video.', hint: 'Check that the link opens the video itself, not a page about it.' })
  } finally {
    input.dispose()
  }
}
