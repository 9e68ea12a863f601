import { promises as fs } from 'node:fs'
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny'
import { describe, expect, it } from 'vitest'
import { planCopyJoin } from '../../../src/main/services/media/copy-join'
import { exportFilm, type FilmSource } from '../../../src/main/services/media/export-film'
import { topLevelBoxes } from '../../../src/main/services/media/mp4-boxes'
import { probeVideo } from '../../../src/main/services/media/probe-video'
import { fixturePath, fixtures } from './film-fixtures'
import { makeFilmProject, readFilm, remux } from './film-project'

const AAC_FRAME = 1024 / 48_000
const deps = { now: () => new Date(2026, 2, 4, 15, 30) }
const FRAMES = { [fixtures.soundA]: 48, [fixtures.soundB]: 24, [fixtures.silent]: 36 } as Record<string, number>

interface Packet {
  timestamp: number
  data: Uint8Array
}

/** Every packet of the file's video or audio track in decode order, with its presentation time and bytes. */
async function packetsOf(filePath: string, kind: 'video' | 'audio'): Promise<Packet[]> {
  const input = new Input({ source: new FilePathSource(filePath), formats: ALL_FORMATS })
  try {
    const track = kind === 'video' ? await input.getPrimaryVideoTrack() : await input.getPrimaryAudioTrack()
    const packets: Packet[] = []
    if (track) for await (const packet of new EncodedPacketSink(track).packets()) packets.push({ timestamp: packet.timestamp, data: packet.data })
    return packets
  } finally {
    input.dispose()
  }
}

const exportCut = (source: FilmSource) => exportFilm(source, { includeAnimatic: false }, deps, new AbortController().signal, () => undefined)

describe('the copy join', () => {
  it('writes a film whose every take starts on its frame boundary with its own sound, silence in sync, index up front', async () => {
    const order = Array.from({ length: 20 }, (_, index) => [fixtures.soundA, fixtures.soundB, fixtures.silent, fixtures.soundA][index % 4]!)
    const source = await makeFilmProject(order.map((take) => ({ take })))
    const result = await exportCut(source)
    const film = await readFilm(result.path)
    const video = await packetsOf(result.path, 'video')
    const audio = await packetsOf(result.path, 'audio')
    const frames = order.map((take) => FRAMES[take]!)

    expect(result.method).toBe('copy')
    expect([film.width, film.height, film.frames]).toEqual([320, 180, frames.reduce((sum, count) => sum + count, 0)])
    expect(film.videoSeconds).toBeCloseTo(frames.reduce((sum, count) => sum + count, 0) / 24, 6)
    expect(Math.abs((film.audioSeconds ?? 0) - film.videoSeconds)).toBeLessThanOrEqual(AAC_FRAME)
    const handle = await fs.open(result.path, 'r')
    const boxes = await topLevelBoxes(handle, (await handle.stat()).size).finally(() => handle.close())
    expect(boxes?.map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat'])

    const silence = audio.find((packet) => packet.timestamp >= 3 - AAC_FRAME / 2)!.data
    let start = 0
    for (const [index, take] of order.entries()) {
      const ownVideo = await packetsOf(fixturePath(take), 'video')
      const filmVideo = video.slice(frames.slice(0, index).reduce((sum, count) => sum + count, 0)).slice(0, frames[index])
      expect(Math.min(...filmVideo.map((packet) => packet.timestamp))).toBeCloseTo(start, 6)
      expect(filmVideo.map((packet) => packet.data.byteLength)).toEqual(ownVideo.map((packet) => packet.data.byteLength))
      // Each take's first audible frame (or its first frame of silence) plays within half an AAC frame of its picture.
      const ownFirst = Buffer.from((await packetsOf(fixturePath(take), 'audio')).find((packet) => packet.timestamp >= 0)?.data ?? silence)
      const first = audio.find((packet) => packet.timestamp > start - AAC_FRAME && ownFirst.equals(packet.data))
      expect(Math.abs((first?.timestamp ?? Infinity) - start)).toBeLessThanOrEqual(AAC_FRAME / 2 + 1e-9)
      start += frames[index]! / 24
    }
  })

  it('joins a take whose index comes after its media as it joins one with the index first', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB }])
    expect(await remux(source.takeFilePath('t1-0.mp4'), false)).toEqual(['ftyp', 'mdat', 'moov'])
    const media = await probeVideo(source.dir, source.takeFilePath('t1-0.mp4'))
    expect(await planCopyJoin(source.dir, [{ filePath: source.takeFilePath('t1-0.mp4'), media }], null, () => Promise.reject(new Error('no silence needed')))).not.toBeNull()

    const result = await exportCut(source)
    const film = await readFilm(result.path)
    expect([film.frames, film.videoSeconds]).toEqual([72, 3])
    expect(Math.abs((film.audioSeconds ?? 0) - film.videoSeconds)).toBeLessThanOrEqual(AAC_FRAME)
    const own = await Promise.all(['t1-0.mp4', 't2-0.mp4'].map((name) => packetsOf(source.takeFilePath(name), 'video')))
    expect((await packetsOf(result.path, 'video')).map((packet) => packet.data.byteLength)).toEqual(own.flat().map((packet) => packet.data.byteLength))
  })

  it('falls back to the packet join for fragmented takes, and the film is still whole and in sync', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.silent }, { take: fixtures.soundB }])
    expect(await remux(source.takeFilePath('t2-0.mp4'), 'fragmented')).toContain('moof')
    const media = await probeVideo(source.dir, source.takeFilePath('t2-0.mp4'))
    expect(await planCopyJoin(source.dir, [{ filePath: source.takeFilePath('t2-0.mp4'), media }], null, () => Promise.reject(new Error('no silence needed')))).toBeNull()

    const result = await exportCut(source)
    const film = await readFilm(result.path)
    expect(result.method).toBe('copy')
    expect([film.width, film.height, film.frames]).toEqual([320, 180, 48 + 36 + 24])
    expect(film.videoSeconds).toBeCloseTo(4.5, 6)
    expect(Math.abs((film.audioSeconds ?? 0) - film.videoSeconds)).toBeLessThanOrEqual(AAC_FRAME)
  })
})
