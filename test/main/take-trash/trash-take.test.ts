import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProject } from '../../../src/main/services/project'
import type { Take } from '../../../src/shared/domain/project'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

const fixture = resolve(import.meta.dirname, '../../fixtures/film/take-180p-silent.mp4')
let parent: string
let dir: string
let main: MainUnderTest
let trashed: string[]

/** A project with three takes of clip 1: take1 chosen, take2 finished, take3 still processing. */
async function projectWithTakes(): Promise<string> {
  const session = await createProject(parent, 'Takes')
  const clipId = session.project().clips[0]!.id
  const stamp = new Date().toISOString()
  const take = (id: string, status: Take['status']): Take => ({
    id, clipId, status, request: {}, taskId: `task-${id}`, remoteStatus: status, createdAt: stamp, updatedAt: stamp, submittedAt: stamp,
    finishedAt: status === 'completed' ? stamp : null, error: null,
    files: status === 'completed' ? [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}.mp4`, bytes: null }] : [],
  })
  await mkdir(join(session.dir, 'takes'), { recursive: true })
  for (const [id, status] of [['take1', 'completed'], ['take2', 'completed'], ['take3', 'processing']] as const) {
    if (status === 'completed') await copyFile(fixture, join(session.dir, 'takes', `${id}.mp4`))
    await session.addTake(take(id, status))
  }
  session.applyEdits([{ type: 'chooseTake', clipId, takeId: 'take1' }])
  await session.close()
  return session.dir
}

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'omniboard-trash-'))
  dir = await projectWithTakes()
  trashed = []
  main = await startMain({
    trashItem: async (filePath) => {
      trashed.push(filePath)
      await rm(filePath)
    },
  })
  await main.call('project:open', { path: dir })
})
afterEach(async () => {
  await main.dispose()
  await rm(parent, { recursive: true, force: true })
})

const savedTakeIds = async () => (JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as { takes: { id: string }[] }).takes.map((t) => t.id)

describe('deleting a take', () => {
  it('moves its video to the trash and forgets it, on disk too', async () => {
    expect(await main.call('takes:trash', { takeId: 'take2' })).toEqual({ takeId: 'take2' })
    expect(trashed).toEqual([join(dir, 'takes', 'take2.mp4')])
    expect(existsSync(join(dir, 'takes', 'take1.mp4'))).toBe(true)
    expect(await savedTakeIds()).toEqual(['take1', 'take3'])
  })

  it('refuses the chosen take and a running one, and changes nothing', async () => {
    expect((await main.refusal('takes:trash', { takeId: 'take1' })).hint).toMatch(/Choose another take first/)
    expect((await main.refusal('takes:trash', { takeId: 'take3' })).code).toBe('job_busy')
    expect(trashed).toEqual([])
    expect(await savedTakeIds()).toEqual(['take1', 'take2', 'take3'])
  })

  it('keeps the take when the trash refuses the file', async () => {
    await main.dispose()
    main = await startMain({ trashItem: async () => Promise.reject(new Error('EACCES')) })
    await main.call('project:open', { path: dir })
    expect((await main.refusal('takes:trash', { takeId: 'take2' })).code).toBe('disk_error')
    expect(await savedTakeIds()).toEqual(['take1', 'take2', 'take3'])
  })
})
