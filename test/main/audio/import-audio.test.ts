import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { audioPeaks } from '../../../src/main/services/audio/audio-peaks'
import { importAudioIntoProject } from '../../../src/main/services/audio/import-audio'
import { createProject } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from '../project/temp-project'

const fixtures = path.join(__dirname, '../../fixtures/audio')
const fixture = (name: string): string => path.join(fixtures, name)

async function openProject() {
  return createProject(await tempDir(), 'Sound', testDeps({ autosaveDelayMs: 60_000 }))
}

describe('importing sound files for the lanes', () => {
  it('stores WAV, MP3, OGG, FLAC, M4A and AAC by content hash with their length, rate and channels, and records them', async () => {
    const session = await openProject()
    const names = ['tone-1k-1s.wav', 'tone-440-2s.mp3', 'tone-440-2s.ogg', 'tone-440-1s.flac', 'tone-440-2s.m4a', 'tone-440-1s.aac']
    const { files, rejected } = await importAudioIntoProject(session, names.map((name) => ({ name, path: fixture(name) })), () => new Date())
    expect(rejected).toEqual([])
    expect(files.map((file) => file.kind)).toEqual(['wav', 'mp3', 'ogg', 'flac', 'm4a', 'aac'])
    expect(files.map((file) => [file.sampleRate, file.channels])).toEqual([[16000, 1], [22050, 1], [22050, 1], [16000, 1], [22050, 1], [16000, 1]])
    const lengths = [1, 2, 2, 1, 2, 1]
    files.forEach((file, index) => expect(Math.abs(file.durationSeconds - lengths[index]!)).toBeLessThan(0.1))
    const wav = files[0]!
    expect(await fs.readFile(path.join(session.dir, 'audio', `${wav.id}.wav`))).toEqual(await fs.readFile(fixture('tone-1k-1s.wav')))
    const saved = JSON.parse(await fs.readFile(path.join(session.dir, 'project.json'), 'utf8')) as { audioFiles: { id: string }[] }
    expect(saved.audioFiles.map((file) => file.id)).toEqual(files.map((file) => file.id))
    await session.close()
  })

  it('refuses a text file named .mp3 and a cut-short M4A with a reason, and keeps nothing of them', async () => {
    const session = await openProject()
    const outcome = await importAudioIntoProject(session, [{ name: 'list.mp3', path: fixture('not-audio.mp3') }, { name: 'cut.m4a', path: fixture('cut-short.m4a') }], () => new Date())
    expect(outcome.files).toEqual([])
    expect(outcome.rejected.map((refusal) => [refusal.name, refusal.error.code])).toEqual([['list.mp3', 'audio_not_supported'], ['cut.m4a', 'audio_not_supported']])
    expect(outcome.rejected[0]!.error.message).toContain('not a sound file')
    expect(outcome.rejected[1]!.error.message).toContain('damaged or cut short')
    expect(await fs.readdir(path.join(session.dir, 'audio')).catch(() => [])).toEqual([])
    expect(session.project().audioFiles ?? []).toEqual([])
    await session.close()
  })

  it('draws the waveform from peaks cached beside the file, and computes them again when the cache was tampered with', async () => {
    const session = await openProject()
    const { files } = await importAudioIntoProject(session, [{ name: 'tone.wav', path: fixture('tone-1k-1s.wav') }], () => new Date())
    const file = files[0]!
    const cachePath = path.join(session.dir, 'audio', `${file.id}.peaks.json`)
    const peaks = JSON.parse(await fs.readFile(cachePath, 'utf8')) as { peaks: number[] }
    expect(peaks.peaks).toHaveLength(50)
    // A full-scale sine from ffmpeg's `sine` source peaks at 1/8 of full scale.
    expect(Math.max(...peaks.peaks)).toBeGreaterThan(25)
    await fs.writeFile(cachePath, JSON.stringify({ version: 1, audioId: file.id, peaksPerSecond: 50, peaks: new Array(50).fill(255).concat([1, 2, 3, 4]) }))
    expect((await audioPeaks(session.dir, file)).peaks).toEqual(peaks.peaks)
    await fs.writeFile(cachePath, '{"version":1,')
    expect((await audioPeaks(session.dir, file)).peaks).toEqual(peaks.peaks)
    await session.close()
  })

  it('refuses a peaks cache that is a link out of the project and computes the waveform instead', async () => {
    const session = await openProject()
    const { files } = await importAudioIntoProject(session, [{ name: 'tone.wav', path: fixture('tone-1k-1s.wav') }], () => new Date())
    const file = files[0]!
    const outside = path.join(await tempDir(), 'elsewhere.json')
    await fs.writeFile(outside, JSON.stringify({ version: 1, audioId: file.id, peaksPerSecond: 50, peaks: new Array(50).fill(7) }))
    const cachePath = path.join(session.dir, 'audio', `${file.id}.peaks.json`)
    await fs.rm(cachePath)
    await fs.symlink(outside, cachePath)
    const peaks = await audioPeaks(session.dir, file)
    expect(peaks.peaks.some((peak) => peak !== 7)).toBe(true)
    expect((await fs.lstat(cachePath)).isSymbolicLink()).toBe(false)
    await session.close()
  })
})
