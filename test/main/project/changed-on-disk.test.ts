import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SaveState } from '../../../src/main/services/project/project-session'
import { createProject } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from './temp-project'

/** Another program (an editor, a sync client, git) rewrites project.json while Omniboard has it open. */
async function editBehindOurBack(file: string, name: string): Promise<string> {
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>
  const text = JSON.stringify({ ...json, name }, null, 2)
  await fs.writeFile(file, text)
  return text
}

async function conflictedSession() {
  const session = await createProject(await tempDir(), 'Shared', testDeps({ autosaveDelayMs: 60_000 }))
  const file = path.join(session.dir, 'project.json')
  const theirs = await editBehindOurBack(file, 'Their name')
  session.applyEdits([{ type: 'updateClip', clipId: session.project().clips[0]!.id, patch: { prompt: 'Our prompt' } }])
  return { session, file, theirs }
}

describe('a project changed on disk by another program', () => {
  it('is not overwritten: the save fails with project_changed_on_disk and the file keeps their version', async () => {
    const { session, file, theirs } = await conflictedSession()
    const states: SaveState[] = []
    session.onSaveState((state) => states.push(state))
    await expect(session.saveNow()).rejects.toMatchObject({ error: { code: 'project_changed_on_disk' } })
    expect(await fs.readFile(file, 'utf8')).toBe(theirs)
    expect(states.at(-1)).toMatchObject({ state: 'error', error: { code: 'project_changed_on_disk' } })
    // Later saves keep refusing until the user chooses.
    await expect(session.saveNow()).rejects.toMatchObject({ error: { code: 'project_changed_on_disk' } })
    expect(await fs.readFile(file, 'utf8')).toBe(theirs)
    await session.forceClose()
  })

  it('can be resolved by reloading their version', async () => {
    const { session } = await conflictedSession()
    await session.saveNow().catch(() => undefined)
    const project = await session.reloadFromDisk()
    expect(project.name).toBe('Their name')
    expect(project.clips[0]!.prompt).toBe('')
    session.applyEdits([{ type: 'renameProject', name: 'Both agree' }])
    await session.close()
    expect(JSON.parse(await fs.readFile(path.join(session.dir, 'project.json'), 'utf8'))).toMatchObject({ name: 'Both agree' })
  })

  it('keeps a take the engine recorded during the conflict when reloading, so a paid generation is not forgotten', async () => {
    const { session, file } = await conflictedSession()
    const take = {
      id: 'paid-take', clipId: session.project().clips[0]!.id, status: 'pending' as const, request: {}, taskId: 'task-9',
      remoteStatus: 'pending', createdAt: 'now', updatedAt: 'now', submittedAt: 'now', finishedAt: null, error: null, files: [],
    }
    await expect(session.addTake(take)).rejects.toMatchObject({ error: { code: 'project_changed_on_disk' } })
    const project = await session.reloadFromDisk()
    expect(project.name).toBe('Their name')
    expect(project.takes.map((t) => t.taskId)).toEqual(['task-9'])
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { name: string; takes: { taskId: string }[] }
    expect(saved).toMatchObject({ name: 'Their name', takes: [{ taskId: 'task-9' }] })
    await session.close()
  })

  it('can be resolved by keeping ours, with their version kept as a dated copy beside it', async () => {
    const at = new Date('2026-12-01T09:12:34.000Z')
    const session = await createProject(await tempDir(), 'Shared', testDeps({ autosaveDelayMs: 60_000, now: () => at }))
    const file = path.join(session.dir, 'project.json')
    const theirs = await editBehindOurBack(file, 'Their name')
    session.applyEdits([{ type: 'updateClip', clipId: session.project().clips[0]!.id, patch: { prompt: 'Our prompt' } }])
    await session.saveNow().catch(() => undefined)
    await expect(session.keepMine()).resolves.toMatchObject({ keptCopy: 'project.changed-2026-12-01T0912.json' })
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { name: string; clips: { prompt: string }[] }
    expect(saved.name).toBe('Shared')
    expect(saved.clips[0]!.prompt).toBe('Our prompt')
    expect(await fs.readFile(path.join(session.dir, 'project.changed-2026-12-01T0912.json'), 'utf8')).toBe(theirs)
    // A second conflict in the same minute never replaces the first copy.
    const again = await editBehindOurBack(file, 'Theirs again')
    session.applyEdits([{ type: 'renameProject', name: 'Ours again' }])
    await session.saveNow().catch(() => undefined)
    await expect(session.keepMine()).resolves.toMatchObject({ keptCopy: 'project.changed-2026-12-01T0912-2.json' })
    expect(await fs.readFile(path.join(session.dir, 'project.changed-2026-12-01T0912-2.json'), 'utf8')).toBe(again)
    await session.close()
  })

  it('keeps what only memory knows about a take on reload: task id, result URL, downloaded file and status', async () => {
    const session = await createProject(await tempDir(), 'Shared', testDeps({ autosaveDelayMs: 60_000 }))
    const file = path.join(session.dir, 'project.json')
    const clipId = session.project().clips[0]!.id
    const base = {
      id: 'paid-take', clipId, status: 'submitting' as const, request: {}, taskId: null, remoteStatus: null,
      createdAt: 'then', updatedAt: 'then', submittedAt: 'then', finishedAt: null, error: null, files: [],
    }
    await session.addTake(base)
    await editBehindOurBack(file, 'Their name')
    const done = { status: 'completed' as const, taskId: 'task-7', remoteStatus: 'completed', finishedAt: 'now', files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: 'paid-take-1.mp4', bytes: 10 }] }
    await expect(session.updateTake('paid-take', (take) => ({ ...take, ...done }))).rejects.toMatchObject({ error: { code: 'project_changed_on_disk' } })
    const project = await session.reloadFromDisk()
    expect(project.name).toBe('Their name')
    expect(project.takes).toEqual([expect.objectContaining(done)])
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { name: string; takes: unknown[] }
    expect(saved).toMatchObject({ name: 'Their name', takes: [done] })
    await session.close()
  })

  it('does not count a save of identical bytes by another program as a change', async () => {
    const session = await createProject(await tempDir(), 'Touched', testDeps())
    const file = path.join(session.dir, 'project.json')
    await fs.writeFile(file, await fs.readFile(file))
    session.applyEdits([{ type: 'renameProject', name: 'Fine' }])
    await expect(session.saveNow()).resolves.toEqual(expect.any(String))
    await session.close()
  })
})
