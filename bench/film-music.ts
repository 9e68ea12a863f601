import { mkdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importAudio } from '../src/main/services/audio/import-audio'
import { exportFilm } from '../src/main/services/media/export-film'
import { runFfmpeg } from '../src/main/services/ffmpeg/ffmpeg'
import { defaultMix } from '../src/shared/domain/audio-schema'
import type { BenchFilm } from './fixtures/film-takes'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const deps = { now: () => new Date() }

/**
 * `export.film.music`: the same film as `export.film` with a music lane across it (a 200 s 128 kb/s stereo MP3, faded
 * in and out, at −6 dB), so every export mixes, levels and encodes a new sound track while the picture is still
 * copied; divided by the same byte copies as `export.film`. Each round also times encoding that much AAC alone.
 */
export async function benchFilmWithMusic(film: BenchFilm, filmSeconds: number, copyMs: readonly number[], log: (line: string) => void): Promise<Figure> {
  const music = await benchMusic(filmSeconds)
  const { files } = await importAudio(film.dir, [{ name: 'score.mp3', path: music }], [], deps)
  const file = files[0]!
  const item = { id: 'score', audioId: file.id, startSeconds: 0, anchor: null, sourceInSeconds: 0, durationSeconds: file.durationSeconds, gainDb: -6, fadeInSeconds: 2, fadeOutSeconds: 4 }
  const mix = { ...defaultMix, lanes: [{ id: 'music', name: 'Music', muted: false, solo: false, items: [item] }] }
  const scored = { ...film, project: () => ({ ...film.project(), audioFiles: files, mix }) }
  const exportMs: number[] = []
  const encodeMs: number[] = []
  let method: string | undefined
  for (let round = 0; round < copyMs.length; round++) {
    log(`film: round ${round + 1}/${copyMs.length} with a music lane…`)
    const start = performance.now()
    const result = await exportFilm(scored, { includeAnimatic: false }, deps, new AbortController().signal, () => undefined)
    exportMs.push(performance.now() - start)
    method = result.method
    await rm(result.path)
    encodeMs.push(await encodeAlone(music, filmSeconds))
  }
  return figure(
    {
      id: 'export.film.music',
      area: 'export',
      goal: goalOf('export.film.music'),
      measured: round(median(exportMs) / median([...copyMs]), 2),
      unit: '×',
      method: `median exportFilm of the export.film takes with one ${Math.round(filmSeconds)} s MP3 music lane (picture copied; sound decoded, mixed and measured once, then encoded to AAC in one segment per core) ÷ the same byte copies as export.film`,
      details: {
        method,
        exportMs: exportMs.map((ms) => round(ms, 0)),
        copyMs: copyMs.map((ms) => round(ms, 0)),
        // The floor under any export that writes a new sound track: the bundled AAC encoder over the film's length, on one core.
        aacEncodeAloneMs: encodeMs.map((ms) => round(ms, 0)),
        aacEncodeAloneToCopy: round(median(encodeMs) / median([...copyMs]), 2),
      },
    },
    { max: 2 },
  )
}

/** The score decoded and encoded to 192 kb/s AAC by one ffmpeg, as the export's encoders do, and nothing else. */
async function encodeAlone(music: string, seconds: number): Promise<number> {
  const output = join(tmpdir(), `omniboard-bench-aac-${process.pid}.aac`)
  const start = performance.now()
  await runFfmpeg({
    inputs: [{ kind: 'audio', filePath: music, demuxer: 'mp3' }],
    outputOptions: ['-ar', '48000', '-ac', '2', '-c:a', 'aac', '-b:a', '192k', '-f', 'adts'],
    outputPath: output,
    outputSeconds: seconds,
    failure: { code: 'export_failed', hint: 'Check the bundled ffmpeg runs.' },
  })
  const ms = performance.now() - start
  await rm(output)
  return ms
}

/** A stereo score as long as the film, made once with the bundled ffmpeg and cached beside the bench takes. */
async function benchMusic(seconds: number): Promise<string> {
  const dir = join(tmpdir(), 'omniboard-bench-film-v1')
  await mkdir(dir, { recursive: true })
  const file = join(dir, `score-${Math.round(seconds)}s.mp3`)
  if (await stat(file).then((s) => s.size > 0, () => false)) return file
  await runFfmpeg({
    inputs: [{ kind: 'generated', graph: `aevalsrc=0.5*sin(2*PI*220*t)*(0.4+0.6*abs(sin(PI*t/3)))|0.5*sin(2*PI*330*t):s=44100:d=${seconds}` }],
    outputOptions: ['-c:a', 'libmp3lame', '-b:a', '128k', '-f', 'mp3'],
    outputPath: file,
    outputSeconds: seconds,
    failure: { code: 'export_failed', hint: 'Check the bundled ffmpeg runs.' },
  })
  return file
}
