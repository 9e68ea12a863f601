import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importAudio } from '../../../src/main/services/audio/import-audio'
import { exportFilm, type FilmExportProgress, type FilmSource } from '../../../src/main/services/media/export-film'
import { defaultMix, type AudioItem, type Mix } from '../../../src/shared/domain/audio-schema'
import { applyEdit } from '../../../src/shared/domain/edits'
import type { Project } from '../../../src/shared/domain/project'
import { pickDocument } from '../../../src/shared/domain/pick-document'
import { fixturePath, fixtures } from './film-fixtures'
import { makeFilmProject, readFilm, videoPacketSizes, type FilmClip } from './film-project'
import { AAC_FRAME_SECONDS, decodeFilmSound, integratedLoudness, rmsBetween, soundingSpan } from './film-sound-measure'

const tone = path.join(__dirname, '../../fixtures/audio/tone-1k-1s.wav')
const deps = { now: () => new Date(2026, 2, 4, 15, 30) }

/** A film project with the 1 s 1 kHz tone imported and `mix` applied; `project` can be edited between exports. */
async function filmWithTone(clips: readonly FilmClip[], mix: (audioId: string) => Mix) {
  const source = await makeFilmProject(clips)
  const { files, rejected } = await importAudio(source.dir, [{ name: 'tone.wav', path: tone }], [], deps)
  expect(rejected).toEqual([])
  let project: Project = { ...source.project(), audioFiles: files, mix: mix(files[0]!.id) }
  const film: FilmSource = { ...source, project: () => project }
  return { film, edit: (change: (project: Project) => Project) => void (project = change(project)) }
}

const item = (audioId: string, fields: Partial<AudioItem>): AudioItem => ({
  id: `i-${Math.random().toString(36).slice(2, 8)}`, audioId, startSeconds: 0, anchor: null, sourceInSeconds: 0, durationSeconds: 1, gainDb: 0, fadeInSeconds: 0, fadeOutSeconds: 0, ...fields,
})
const lanes = (...items: AudioItem[]): Mix => ({ ...defaultMix, lanes: [{ id: 'music', name: 'Music', muted: false, solo: false, items }] })

async function exportOf(film: FilmSource) {
  const phases = new Set<string>()
  const result = await exportFilm(film, { includeAnimatic: false }, deps, new AbortController().signal, (progress: FilmExportProgress) => phases.add(progress.phase))
  return { result, phases, sound: await decodeFilmSound(result.path) }
}

describe('Export film mixes the audio lanes', () => {
  it('puts a tone anchored to clip 2 where that clip plays, follows the clip when it moves, and keeps the picture copied', async () => {
    const silent = { take: fixtures.silent }
    const { film, edit } = await filmWithTone([silent, silent, silent], (id) => lanes(item(id, { startSeconds: 2, anchor: { clipId: 'c2', offsetSeconds: 0.5 } })))
    const first = await exportOf(film)

    expect(first.result.method).toBe('copy')
    expect(first.phases).toContain('mixing')
    const take = await videoPacketSizes(fixturePath(fixtures.silent))
    expect(await videoPacketSizes(first.result.path)).toEqual([...take, ...take, ...take])
    const read = await readFilm(first.result.path)
    expect(Math.abs((read.audioSeconds ?? 0) - read.videoSeconds)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)
    const span = soundingSpan(first.sound)!
    expect(Math.abs(span.start - 2.0)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)
    expect(Math.abs(span.end - 3.0)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)

    // Clip 2 moves to the end: it now starts at 3 s, and its tone with it.
    edit((project) => ({ ...project, ...applyEdit(pickDocument(project), { type: 'moveClip', clipId: 'c2', toIndex: 2 }) }))
    const moved = soundingSpan((await exportOf(film)).sound)!
    expect(Math.abs(moved.start - 3.5)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)
  })

  it('keeps an item anchored to the film at its time when clips move', async () => {
    const silent = { take: fixtures.silent }
    const { film, edit } = await filmWithTone([silent, silent, silent], (id) => lanes(item(id, { startSeconds: 1.25 })))
    edit((project) => ({ ...project, ...applyEdit(pickDocument(project), { type: 'moveClip', clipId: 'c1', toIndex: 2 }) }))
    const span = soundingSpan((await exportOf(film)).sound)!
    expect(Math.abs(span.start - 1.25)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)
  })

  it('normalises the loudness to −16 LUFS for the web and −23 LUFS for broadcast, within 1 LU', async () => {
    const silent = { take: fixtures.silent }
    const { film, edit } = await filmWithTone([silent, silent, silent], (id) => lanes(item(id, { startSeconds: 0.5 }), item(id, { startSeconds: 2.5, gainDb: -6 })))
    const web = await exportOf(film)
    expect(Math.abs((await integratedLoudness(web.result.path)) - -16)).toBeLessThanOrEqual(1)
    edit((project) => ({ ...project, mix: { ...project.mix!, loudness: 'broadcast' } }))
    const broadcast = await exportOf(film)
    expect(Math.abs((await integratedLoudness(broadcast.result.path)) - -23)).toBeLessThanOrEqual(1)
  })

  it('sets each item’s level in dB relative to the others, with straight-line fades and trims', async () => {
    const silent = { take: fixtures.silent }
    const { film } = await filmWithTone([silent, silent, silent], (id) =>
      lanes(item(id, { startSeconds: 0.5, durationSeconds: 1 }), item(id, { startSeconds: 2, gainDb: -12, sourceInSeconds: 0.5, durationSeconds: 0.5 }), item(id, { startSeconds: 3, fadeInSeconds: 1 })),
    )
    const { sound } = await exportOf(film)
    const loud = rmsBetween(sound, 0.7, 1.3)
    // −12 dB is a quarter of the amplitude; the trimmed copy plays 0.5 s of the file from 2 s.
    expect(rmsBetween(sound, 2.1, 2.4) / loud).toBeCloseTo(0.251, 1)
    expect(rmsBetween(sound, 2.55, 2.95)).toBeLessThan(loud * 0.01)
    // A 1 s fade-in: a tenth of the way in, about a tenth of the level; at the end, all of it.
    expect(rmsBetween(sound, 3.08, 3.12) / loud).toBeCloseTo(0.1, 1)
    expect(rmsBetween(sound, 3.9, 3.98) / loud).toBeGreaterThan(0.85)
  })

  it('lowers a clip’s own sound by its level and leaves a film without lanes or levels exactly as before', async () => {
    const sound = { take: fixtures.soundA }
    const plain = await filmWithTone([sound, { take: fixtures.soundB }], () => defaultMix)
    const untouched = await exportOf(plain.film)
    expect(untouched.phases).not.toContain('mixing')
    const quiet = await filmWithTone([sound, { take: fixtures.soundB }], () => ({ ...defaultMix, clipDialogueDb: { c1: -40 } }))
    const { sound: mixed } = await exportOf(quiet.film)
    // Loudness normalisation lifts the whole film; what matters is clip 1 against clip 2.
    const before = rmsBetween(untouched.sound, 0.2, 1.8) / rmsBetween(untouched.sound, 2.2, 2.8)
    const after = rmsBetween(mixed, 0.2, 1.8) / rmsBetween(mixed, 2.2, 2.8)
    expect(after / before).toBeCloseTo(0.01, 2)
  })

  it('refuses a sound file that is a link out of the project, naming it, and writes no film', async () => {
    const silent = { take: fixtures.silent }
    const { film } = await filmWithTone([silent, silent], (id) => lanes(item(id, { startSeconds: 0.5 })))
    const audioId = film.project().audioFiles![0]!.id
    const stored = path.join(film.dir, 'audio', `${audioId}.wav`)
    const outside = path.join(path.dirname(film.dir), `canary-${audioId.slice(0, 8)}.wav`)
    await fs.copyFile(stored, outside)
    await fs.rm(stored)
    await fs.symlink(outside, stored)
    try {
      const failure = await exportFilm(film, { includeAnimatic: false }, deps, new AbortController().signal, () => undefined).then(() => null, (cause: { error?: { code: string; message: string } }) => cause.error)
      expect(failure?.code).toBe('project_unsafe_file')
      expect(failure?.message).toContain(`${audioId}.wav`)
      expect(await fs.readdir(path.join(film.dir, 'exports')).catch(() => [])).toEqual([])
    } finally {
      await fs.rm(outside, { force: true })
    }
  })
})
