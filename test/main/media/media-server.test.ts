import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mediaPaths } from '../../../src/shared/media-paths'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

const fixture = path.resolve(import.meta.dirname, '../../fixtures/film/take-180p-sound-a.mp4')

let main: MainUnderTest
beforeEach(async () => {
  main = await startMain({ store: createMemoryStore({ firstStartDone: true }) })
})
afterEach(() => main.dispose())

type Json = { clips: { id: string }[]; assets: { id: string; mime: string }[]; takes: unknown[] }

/** The sample project, closed, given one finished take whose video is a real MP4, then opened again. */
async function sampleWithTake(): Promise<{ dir: string; json: Json; video: Buffer }> {
  const { path: dir } = await main.call('project:openSample', {})
  await main.call('project:close', {})
  const file = path.join(dir, 'project.json')
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Json
  const stamp = '2026-01-01T00:00:00.000Z'
  json.takes = [{
    id: 'take1', clipId: json.clips[0]!.id, status: 'completed', request: {}, taskId: 'task-1', remoteStatus: 'completed', createdAt: stamp, updatedAt: stamp,
    submittedAt: stamp, finishedAt: stamp, error: null, files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: '01-harbour-take1.mp4', bytes: null }],
  }]
  await fs.writeFile(file, JSON.stringify(json))
  const video = await fs.readFile(fixture)
  await fs.mkdir(path.join(dir, 'takes'), { recursive: true })
  await fs.writeFile(path.join(dir, 'takes', '01-harbour-take1.mp4'), video)
  await main.call('project:open', { path: dir })
  return { dir, json, video }
}

const bytesOf = async (answer: Response) => Buffer.from(await answer.arrayBuffer())

describe('the media server streams the open project’s files by id', () => {
  it('serves a thumbnail and the full-size image with their types, cacheable forever', async () => {
    const { dir, json } = await sampleWithTake()
    const asset = json.assets[0]!
    const thumb = await main.media(mediaPaths.thumbnail(asset.id))
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/webp')
    expect(thumb.headers.get('cache-control')).toContain('immutable')
    expect(await bytesOf(thumb)).toEqual(await fs.readFile(path.join(dir, 'thumbs', `${asset.id}.webp`)))
    const full = await main.media(mediaPaths.asset(asset.id))
    expect(full.headers.get('content-type')).toBe(asset.mime)
    expect((await bytesOf(full)).byteLength).toBe(Number(full.headers.get('content-length')))
  })

  it('answers byte ranges of a take video, so the player seeks without reading the whole file', async () => {
    const { video } = await sampleWithTake()
    const whole = await main.media(mediaPaths.takeVideo('take1', 0))
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(await bytesOf(whole)).toEqual(video)

    const middle = await main.media(mediaPaths.takeVideo('take1', 0), { headers: { Range: 'bytes=1000-1999' } })
    expect(middle.status).toBe(206)
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-1999/${video.byteLength}`)
    expect(await bytesOf(middle)).toEqual(video.subarray(1000, 2000))

    const open = await main.media(mediaPaths.takeVideo('take1', 0), { headers: { Range: `bytes=${video.byteLength - 10}-` } })
    expect(await bytesOf(open)).toEqual(video.subarray(video.byteLength - 10))
    const suffix = await main.media(mediaPaths.takeVideo('take1', 0), { headers: { Range: 'bytes=-16' } })
    expect(await bytesOf(suffix)).toEqual(video.subarray(video.byteLength - 16))

    const past = await main.media(mediaPaths.takeVideo('take1', 0), { headers: { Range: `bytes=${video.byteLength}-` } })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${video.byteLength}`)
  })

  it('finds nothing that is not in the project, whatever the path says', async () => {
    const { dir } = await sampleWithTake()
    const stray = 'f'.repeat(64)
    await fs.writeFile(path.join(dir, 'thumbs', `${stray}.webp`), 'not in project.json')
    for (const asked of [
      mediaPaths.thumbnail(stray),
      mediaPaths.takeVideo('take1', 1),
      mediaPaths.takeVideo('nope', 0),
      'thumb/..%2F..%2Fproject.json',
      'take/take1/0/../../../project.json',
      'take/..%2Fproject.json/0',
      'files/project.json',
    ]) {
      const answer = await main.media(asked)
      expect(answer.status, asked).toBe(404)
    }
    expect((await main.media(mediaPaths.takeVideo('take1', 0), { method: 'POST' })).status).toBe(405)
  })

  it('serves nothing of a project once it is closed, except its thumbnail to the recent list', async () => {
    const { json } = await sampleWithTake()
    const recent = (await main.call('project:recent', {}))[0]!
    await main.call('project:close', {})
    expect((await main.media(mediaPaths.takeVideo('take1', 0))).status).toBe(404)
    expect((await main.media(mediaPaths.asset(json.assets[0]!.id))).status).toBe(404)

    const thumb = await main.media(mediaPaths.recentThumbnail(recent.thumbnailAssetId!))
    expect(thumb.status).toBe(200)
    expect((await bytesOf(thumb)).subarray(8, 12).toString('latin1')).toBe('WEBP')

    await main.call('project:forgetRecent', { path: recent.path })
    expect((await main.media(mediaPaths.recentThumbnail(recent.thumbnailAssetId!))).status).toBe(404)
  })

  it('answers a missing file with 404, not an error page', async () => {
    const { dir } = await sampleWithTake()
    await fs.rm(path.join(dir, 'takes', '01-harbour-take1.mp4'))
    expect((await main.media(mediaPaths.takeVideo('take1', 0))).status).toBe(404)
  })

  it('serves an imported sound file by its content hash, and nothing for a hash the project does not list or a link', async () => {
    const { dir } = await sampleWithTake()
    const wav = await fs.readFile(path.resolve(import.meta.dirname, '../../fixtures/audio/tone-1k-1s.wav'))
    const { files } = await main.call('audio:importBytes', { name: 'tone.wav', bytes: new Uint8Array(wav) })
    const sound = await main.media(mediaPaths.audio(files[0]!.id))
    expect([sound.status, sound.headers.get('content-type')]).toEqual([200, 'audio/wav'])
    expect(await bytesOf(sound)).toEqual(wav)
    expect((await main.media(mediaPaths.audio('c'.repeat(64)))).status).toBe(404)
    const stored = path.join(dir, 'audio', `${files[0]!.id}.wav`)
    await fs.rm(stored)
    await fs.symlink(path.resolve(import.meta.dirname, '../../fixtures/audio/tone-1k-1s.wav'), stored)
    expect((await main.media(mediaPaths.audio(files[0]!.id))).status).not.toBe(200)
  })
})
