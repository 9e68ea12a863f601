import path from 'node:path'
import { Input, MP4 } from 'mediabunny'
import { fail } from '../../../shared/errors'
import { openContained } from '../disk/contained-file'
import { containedSource } from './contained-source'

/** The picture size and length of a film Omniboard just exported (in the project at `root`), as a later stage needs them. */
export async function readFilmPicture(root: string, filmPath: string): Promise<{ width: number; height: number; durationSeconds: number }> {
  const file = await openContained(root, filmPath)
  const input = new Input({ source: containedSource(file), formats: [MP4] })
  try {
    const video = await input.getPrimaryVideoTrack()
    if (!video) return fail('export_failed', `${path.basename(filmPath)} has no video track.`, 'Export the film again.')
    return { width: await video.getSquarePixelWidth(), height: await video.getSquarePixelHeight(), durationSeconds: await input.computeDuration() }
  } finally {
    input.dispose()
    await file.handle.close()
  }
}
