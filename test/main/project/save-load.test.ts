import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createClip } from '../../../src/shared/domain/edits'
import type { Take } from '../../../src/shared/domain/project'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import { loadProject } from '../../../src/main/services/project/load-project'
import { pngOf } from '../images/test-images'
import { readJson, tempDir, testDeps } from './temp-project'

const take = (id: string, clipId: string): Take => ({
  id,
  clipId,
  status: 'pending',
  request: { prompt: 'a lighthouse', duration: 5, first_frame: 'asset:abc' },
  taskId: 'task-1',
  remoteStatus: 'pending',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: null,
  finishedAt: null,
  error: null,
  files: [],
})

describe('project folder', () => {
  it('creates Name.omniboard with project.json, assets, thumbs and takes, holding one empty clip', async () => {
    const parent = await tempDir()
    const session = await createProject(parent, 'My film', testDeps())
    expect(session.dir).toBe(path.join(parent, 'My film.omniboard'))
    expect((await fs.readdir(session.dir)).sort()).toEqual(['.omniboard.lock', 'assets', 'project.json', 'takes', 'thumbs'])
    expect(session.project().clips).toHaveLength(1)
    expect(session.project().clips[0]).toMatchObject({ prompt: '', duration: 5, mode: 'pro', aspectRatio: '16:9' })
    await session.close()
  })

  it('never reuses an existing folder: a taken name gets a number, and odd characters are made safe', async () => {
    const parent = await tempDir()
    await fs.mkdir(path.join(parent, 'Dawn.omniboard'))
    await fs.writeFile(path.join(parent, 'Dawn.omniboard', 'keep.txt'), 'mine')
    const second = await createProject(parent, 'Dawn', testDeps())
    const odd = await createProject(parent, ' a/b:c*? ', testDeps())
    expect(path.basename(second.dir)).toBe('Dawn 2.omniboard')
    expect(path.basename(odd.dir)).toBe('a b c.omniboard')
    expect(odd.project().name).toBe('a/b:c*?')
    expect(await fs.readFile(path.join(parent, 'Dawn.omniboard', 'keep.txt'), 'utf8')).toBe('mine')
  })

  it('reopens with the same clips, elements, assets and takes it saved', async () => {
    const session = await createProject(await tempDir(), 'Round trip', testDeps())
    const clipId = session.project().clips[0]!.id
    session.applyEdits([
      { type: 'updateClip', clipId, patch: { prompt: 'A gull lands on the rail', duration: 7 } },
      { type: 'addClip', clip: createClip(session.project().defaults, 'second', 'Second') },
      { type: 'addElement', element: { id: 'gull', name: 'Gull', frontalAssetId: null, referenceAssetIds: [] } },
    ])
    await session.importBytes('gull.png', await pngOf(400, 300))
    await session.addTake(take('t1', clipId))
    const before = session.project()
    await session.close()

    const reopened = await openProjectSession(session.dir, testDeps())
    expect(reopened.project()).toEqual(before)
    await reopened.close()
  })

  it('writes sorted keys with two-space indents, so saving the same project twice gives the same bytes', async () => {
    const session = await createProject(await tempDir(), 'Stable', testDeps())
    const file = path.join(session.dir, 'project.json')
    const text = await fs.readFile(file, 'utf8')
    const keys = Object.keys(await readJson(file))
    expect(keys).toEqual([...keys].sort())
    expect(text).toMatch(/^\{\n {2}"assets": \[\],\n/)
    const clipKeys = Object.keys((JSON.parse(text) as { clips: object[] }).clips[0]!)
    expect(clipKeys).toEqual([...clipKeys].sort())

    session.applyEdits([{ type: 'renameProject', name: 'Stable' }])
    await session.saveNow()
    const again = await fs.readFile(file, 'utf8')
    expect(again.replace(/"updatedAt": "[^"]+"/, '')).toBe(text.replace(/"updatedAt": "[^"]+"/, ''))
    await session.close()
  })

  it('autosaves an edit after the debounce and reports saving then saved', async () => {
    const session = await createProject(await tempDir(), 'Autosave', testDeps({ autosaveDelayMs: 30 }))
    const states: string[] = []
    const saved = new Promise<void>((resolve) =>
      session.onSaveState((state) => {
        states.push(state.state)
        if (state.state === 'saved') resolve()
      }),
    )
    session.applyEdits([{ type: 'renameProject', name: 'Renamed' }])
    session.applyEdits([{ type: 'renameProject', name: 'Renamed twice' }])
    expect((await loadProject(session.dir)).project.name).toBe('Autosave')
    await saved
    expect(states).toEqual(['saving', 'saving', 'saved'])
    expect((await loadProject(session.dir)).project.name).toBe('Renamed twice')
    await session.close()
  })

  it('keeps the previous good version as project.json.bak', async () => {
    const session = await createProject(await tempDir(), 'Backup', testDeps())
    session.applyEdits([{ type: 'renameProject', name: 'Second name' }])
    await session.saveNow()
    session.applyEdits([{ type: 'renameProject', name: 'Third name' }])
    await session.saveNow()
    expect((await readJson(path.join(session.dir, 'project.json.bak'))).name).toBe('Second name')
    await session.close()
  })

  it('has a take on disk by the time addTake resolves, and updateTake likewise', async () => {
    const session = await createProject(await tempDir(), 'Takes', testDeps({ autosaveDelayMs: 60_000 }))
    const clipId = session.project().clips[0]!.id
    await session.addTake(take('t1', clipId))
    expect((await loadProject(session.dir)).project.takes.map((t) => t.id)).toEqual(['t1'])
    const updated = await session.updateTake('t1', (t) => ({ ...t, status: 'completed', remoteStatus: 'succeeded' }))
    expect(updated.status).toBe('completed')
    expect((await loadProject(session.dir)).project.takes[0]!.status).toBe('completed')
    await session.close()
  })

  it('never interleaves saves: many concurrent takes all end up on disk', async () => {
    const session = await createProject(await tempDir(), 'Busy', testDeps())
    const clipId = session.project().clips[0]!.id
    await Promise.all(Array.from({ length: 20 }, (_, i) => session.addTake(take(`t${i}`, clipId))))
    expect((await loadProject(session.dir)).project.takes).toHaveLength(20)
    await session.close()
  })

  it('refuses a take file name that would leave the project folder', async () => {
    const session = await createProject(await tempDir(), 'Paths', testDeps())
    expect(() => session.takeFilePath('../../etc/passwd')).toThrow(/plain file name/)
    expect(session.takeFilePath('take-1.mp4')).toBe(path.join(session.dir, 'takes', 'take-1.mp4'))
    await session.close()
  })

  it('flushes pending edits on close and refuses edits afterwards', async () => {
    const session = await createProject(await tempDir(), 'Closing', testDeps({ autosaveDelayMs: 60_000 }))
    session.applyEdits([{ type: 'renameProject', name: 'Saved on close' }])
    await session.close()
    expect((await loadProject(session.dir)).project.name).toBe('Saved on close')
    expect(() => session.applyEdits([{ type: 'renameProject', name: 'Too late' }])).toThrow(/closed/)
  })
})

describe('opening without editing', () => {
  it('leaves project.json untouched when a project is opened and closed', async () => {
    const created = await createProject(await tempDir(), 'Untouched', testDeps())
    await created.close()
    const file = path.join(created.dir, 'project.json')
    const before = await fs.stat(file)
    const session = await openProjectSession(created.dir, testDeps())
    await session.saveNow()
    await session.close()
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs)
    await expect(fs.access(path.join(created.dir, 'project.json.bak'))).rejects.toThrow()
  })
})
