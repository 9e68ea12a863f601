import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { writeAss } from '../../../shared/captions/ass-file'
import type { CaptionCue } from '../../../shared/captions/cut-captions'
import type { FilmCaptions } from '../../../shared/captions/film-captions-options'
import { flattenCues } from '../../../shared/captions/flatten-cues'
import { writeSrt } from '../../../shared/captions/subtitle-files'
import { replaceWithWrittenFile, tempPathFor } from '../disk/atomic-write'
import { captionFontFiles } from './caption-fonts'
import { runFfmpeg } from '../ffmpeg/ffmpeg'
import { readFilmPicture } from './film-picture'

export interface FilmCaptionsJob {
  /** The project folder the film lies in (in its exports/). */
  root: string
  filmPath: string
  cues: readonly CaptionCue[]
  captions: FilmCaptions
  signal: AbortSignal
  onProgress: (fraction: number) => void
}

const failure = { code: 'export_failed' as const, hint: 'Export the film without captions, or write the captions as an SRT beside it.' }

/**
 * Adds the captions to a film already written: as a `mov_text` subtitle track (streams copied, so it takes seconds;
 * overlapping lines shown together, as a track plays one cue at a time), or burned into the picture by libass (the
 * video re-encoded at the film export's quality, the sound copied). The result goes to a temporary file beside the
 * film and replaces it by rename, so the film is never half-captioned; a failure or cancel removes the film too, as an
 * export that fails leaves no film. A film with no cues is left as it is.
 */
export async function addFilmCaptions(job: FilmCaptionsJob): Promise<void> {
  if (job.cues.length === 0) return
  const media = await readFilmPicture(job.root, job.filmPath)
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-captions-'))
  const temp = tempPathFor(job.filmPath)
  try {
    const run = { outputPath: temp, outputSeconds: media.durationSeconds, failure, signal: job.signal, onOutSeconds: (seconds: number) => job.onProgress(Math.min(1, seconds / media.durationSeconds)) }
    if (job.captions.mode === 'soft') {
      const srt = path.join(work, 'captions.srt')
      await fs.writeFile(srt, writeSrt(flattenCues(job.cues)))
      await runFfmpeg({
        ...run,
        inputs: [{ kind: 'take', filePath: job.filmPath }, { kind: 'subtitles', filePath: srt }],
        outputOptions: ['-map', '0:v', '-map', '0:a?', '-map', '1:0', '-c', 'copy', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=und', '-metadata:s:s:0', 'handler_name=Captions', '-movflags', '+faststart', '-f', 'mp4'],
      })
    } else {
      await fs.writeFile(path.join(work, 'captions.ass'), writeAss(job.cues, job.captions, media.width, media.height))
      await fs.mkdir(path.join(work, 'fonts'))
      for (const font of captionFontFiles()) await fs.copyFile(font, path.join(work, 'fonts', path.basename(font)))
      // ffmpeg runs in the work folder so the filter names its files plainly: a path in a filter graph needs escaping.
      await runFfmpeg({
        ...run,
        cwd: work,
        inputs: [{ kind: 'take', filePath: job.filmPath }],
        outputOptions: ['-map', '0:v', '-map', '0:a?', '-vf', 'ass=filename=captions.ass:fontsdir=fonts', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-c:a', 'copy', '-movflags', '+faststart', '-f', 'mp4'],
      })
    }
    await replaceWithWrittenFile(temp, job.filmPath)
    job.onProgress(1)
  } catch (cause) {
    // The film was asked for with captions: one without them must not stay under the name a user would send.
    await fs.rm(temp, { force: true })
    await fs.rm(job.filmPath, { force: true })
    throw cause
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}
