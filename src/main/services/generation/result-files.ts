import type { TakeFile } from '../../../shared/domain/project'

/** A take keeps at most this many result videos, as its schema allows. */
const maxFiles = 20

/**
 * The take's files for the result URLs MuleRouter just gave: fresh links, with the names of videos already on
 * disk kept, so asking again never downloads a finished video twice.
 */
export function resultFiles(known: readonly TakeFile[], videos: readonly string[]): TakeFile[] {
  return videos.slice(0, maxFiles).map((url, index) => {
    const file = known.find((entry) => entry.index === index)
    return { index, url, fileName: file?.fileName ?? null, bytes: file?.bytes ?? null }
  })
}
