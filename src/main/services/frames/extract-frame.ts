import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fail } from '../../../shared/errors'
import { containedPath } from '../disk/contained-file'
import { runFfmpeg } from '../ffmpeg/ffmpeg'

/** Which frame of a video: its first, its final decoded one, or the one shown at a time in seconds. */
export type FramePosition = { kind: 'first' } | { kind: 'last' } | { kind: 'time'; seconds: number }

/**
 * Decodes one frame of a take in the project at `root` to a full-resolution PNG. The last frame is found by decoding
 * the final second and letting `-update 1` keep overwriting one file, so it is the last frame the decoder produced,
 * not a keyframe near it. A take that is a link or lies outside the project is refused before ffmpeg sees it.
 */
export async function extractFramePng(root: string, videoPath: string, at: FramePosition): Promise<Buffer> {
  const filePath = await containedPath(root, videoPath)
  const work = await mkdtemp(join(tmpdir(), 'omniboard-frame-'))
  const out = join(work, 'frame.png')
  try {
    const seek = at.kind === 'last' ? ['-sseof', '-1'] : at.kind === 'time' ? ['-ss', Math.max(0, at.seconds).toFixed(6)] : []
    await runFfmpeg({
      inputs: [{ kind: 'take', filePath, options: seek }],
      outputOptions: ['-map', '0:v:0', '-an', ...(at.kind === 'last' ? ['-update', '1'] : ['-frames:v', '1']), '-pix_fmt', 'rgb24', '-f', 'image2'],
      outputPath: out,
      outputSeconds: 1,
      failure: { code: 'frame_failed', hint: 'Retry download to fetch the take again.' },
    })
    const png = await readFile(out).catch(() => null)
    if (png === null || png.byteLength === 0) fail('frame_failed', 'The video has no frame at that point.', 'Pick a time inside the take.')
    return png
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
