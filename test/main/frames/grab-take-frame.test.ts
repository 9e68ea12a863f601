import { copyFile, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { grabTakeFrame } from '../../../src/main/services/frames/grab-take-frame'
import { createProject, type FileProjectSession } from '../../../src/main/services/project'
import { defaultSessionDeps } from '../../../src/main/services/project/file-project-session'
import { defaultProjectDefaults, type Take } from '../../../src/shared/domain/project'
import { isAppErrorException } from '../../../src/shared/errors'

const film = (name: string) => resolve(import.meta.dirname, '../../fixtures/film', name)
let parent: string
let session: FileProjectSession

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'omniboard-grab-'))
  session = await createProject(parent, 'Chain', defaultSessionDeps, defaultProjectDefaults)
})
afterEach(async () => {
  await session.close()
  await rm(parent, { recursive: true, force: true })
})

async function addFinishedTake(id: string, fixture: string): Promise<Take> {
  const stamp = new Date().toISOString()
  const take: Take = {
    id, clipId: session.project().clips[0]!.id, status: 'completed', request: {}, taskId: `task-${id}`, remoteStatus: 'completed',
    createdAt: stamp, updatedAt: stamp, submittedAt: stamp, finishedAt: stamp, error: null,
    files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}.mp4`, bytes: null }],
  }
  await mkdir(join(session.dir, 'takes'), { recursive: true })
  await copyFile(film(fixture), join(session.dir, 'takes', `${id}.mp4`))
  await session.addTake(take)
  return take
}

describe('grabbing a frame of a take into the project', () => {
  it('imports the last frame at the video size, with a thumbnail and its provenance', async () => {
    const take = await addFinishedTake('take1', 'take-360p-silent.mp4')
    const asset = await grabTakeFrame(session, { takeId: take.id, index: 0, at: { kind: 'last' } })
    expect(asset).toMatchObject({ mime: 'image/png', width: 640, height: 360 })
    expect(asset.provenance).toMatchObject({ takeId: 'take1', clipId: take.clipId, position: 'last' })
    expect(asset.provenance!.timeSeconds).toBeCloseTo(1, 1)
    expect(session.project().assets.map((a) => a.id)).toContain(asset.id)
    expect((await stat(session.thumbnailPath(asset.id))).size).toBeGreaterThan(0)
  })

  it('records the time of a frame grabbed while scrubbing', async () => {
    const take = await addFinishedTake('take1', 'take-360p-silent.mp4')
    const asset = await grabTakeFrame(session, { takeId: take.id, index: 0, at: { kind: 'time', seconds: 0.5 } })
    expect(asset.provenance).toMatchObject({ position: 'time', timeSeconds: 0.5 })
  })

  it('refuses a frame under Kling\u2019s minimum size like any image, and adds nothing', async () => {
    const take = await addFinishedTake('take1', 'take-180p-silent.mp4')
    const error = await grabTakeFrame(session, { takeId: take.id, index: 0, at: { kind: 'last' } }).catch((cause: unknown) => cause)
    expect(isAppErrorException(error) && error.error.code).toBe('image_too_small')
    expect(session.project().assets).toEqual([])
  })

  it('refuses a take that is a link to a video outside the project, and imports nothing of it', async () => {
    const take = await addFinishedTake('take1', 'take-360p-silent.mp4')
    const outside = join(parent, 'private.mp4')
    await copyFile(film('take-360p-silent.mp4'), outside)
    await rm(join(session.dir, 'takes', 'take1.mp4'))
    await symlink(outside, join(session.dir, 'takes', 'take1.mp4'))
    const assetsBefore = await readdir(join(session.dir, 'assets'))

    for (const at of [{ kind: 'last' }, { kind: 'first' }] as const) {
      const error = await grabTakeFrame(session, { takeId: take.id, index: 0, at }).catch((cause: unknown) => cause)
      expect(isAppErrorException(error) && [error.error.code, error.error.message]).toEqual(['project_unsafe_file', expect.stringContaining('takes/take1.mp4')])
    }
    expect(session.project().assets).toEqual([])
    expect(await readdir(join(session.dir, 'assets'))).toEqual(assetsBefore)
  })

  it('says so when the take has no video yet', async () => {
    const take = await addFinishedTake('take1', 'take-360p-silent.mp4')
    await session.updateTake(take.id, (t) => ({ ...t, status: 'downloading' }))
    const error = await grabTakeFrame(session, { takeId: take.id, index: 0, at: { kind: 'last' } }).catch((cause: unknown) => cause)
    expect(isAppErrorException(error) && error.error.code).toBe('frame_failed')
  })
})
