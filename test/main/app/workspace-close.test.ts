import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { UnsavedChoice } from '../../../src/main/services/user-questions'
import { openProjectSession } from '../../../src/main/services/project/open-project'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import type { ProjectSnapshot } from '../../../src/shared/domain/project-snapshot'
import { faultyDisk } from '../../faults/support/faulty-disk'
import { startMain, type MainUnderTest } from '../../support/main-under-test'

let main: MainUnderTest
afterEach(() => main.dispose())

/** The main process with a disk that can be made to fail and a scripted answer to "save / discard / cancel". */
async function start(answers: UnsavedChoice[] = []) {
  const disk = faultyDisk()
  const asked: string[] = []
  main = await startMain({
    store: createMemoryStore({ firstStartDone: true }),
    sessionDeps: { now: () => new Date(), newId: () => randomUUID(), autosaveDelayMs: 60_000, disk },
    dialogs: {
      chooseProjectFolder: async () => null,
      chooseImages: async () => [],
      askUnsavedChanges: async ({ reason }) => {
        asked.push(reason)
        return answers.shift() ?? 'cancel'
      },
      askQueueOnClose: async () => 'close',
      confirmKeyOrigin: async () => false,
      chooseSavePath: async () => null,
    },
  })
  return { disk, asked }
}

async function projectWithUnsavedPrompt(name: string): Promise<ProjectSnapshot> {
  const opened = await main.call('project:create', { name })
  await main.call('project:edit', { ops: [{ type: 'updateClip', clipId: opened.project.clips[0]!.id, patch: { prompt: 'Unsaved words' } }] })
  return opened
}

const savedPrompt = async (dir: string) =>
  (JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as { clips: { prompt: string }[] }).clips[0]!.prompt

describe('closing a project whose save fails', () => {
  it('keeps it open with its edits and its lock, says why, and closes once the disk works again', async () => {
    const { disk, asked } = await start(['cancel'])
    const opened = await projectWithUnsavedPrompt('Full disk')
    disk.fault = { step: 'write', errno: 'ENOSPC', fileName: 'project.json' }
    const refusal = await main.refusal('project:close', {})
    expect(refusal).toMatchObject({ code: 'disk_full', message: expect.stringContaining('stays open') })
    expect(asked).toEqual([expect.stringContaining('disk is full')])
    const still = await main.call('project:read', {})
    expect(still?.project.clips[0]!.prompt).toBe('Unsaved words')
    // Our own lock still guards it, and is not mistaken for "open in another window" by us.
    await expect(openProjectSession(opened.path)).rejects.toMatchObject({ error: { code: 'project_locked' } })
    await expect(main.call('project:open', { path: opened.path })).resolves.toMatchObject({ path: opened.path })

    disk.fault = null
    expect(await main.call('project:close', {})).toEqual({ closed: true })
    expect(await savedPrompt(opened.path)).toBe('Unsaved words')
    const reopened = await openProjectSession(opened.path)
    await reopened.close()
  })

  it('asks before quitting: cancel keeps the app and project; save tries again; discard closes and lets go of the lock', async () => {
    const { disk, asked } = await start(['cancel', 'save', 'discard'])
    const opened = await projectWithUnsavedPrompt('Quit me')
    disk.fault = { step: 'rename', errno: 'EIO', fileName: 'project.json' }
    expect(await main.prepareToQuit()).toBe(false)
    expect(await main.call('project:read', {})).not.toBeNull()
    expect(await main.prepareToQuit()).toBe(true)
    expect(asked).toHaveLength(3)
    expect(await main.call('project:read', {})).toBeNull()
    expect(await savedPrompt(opened.path)).toBe('')
    const reopened = await openProjectSession(opened.path)
    await reopened.close()
  })

  it('on quit after another program changed project.json, "save" keeps ours and theirs as a dated copy', async () => {
    const { asked } = await start(['save'])
    const opened = await projectWithUnsavedPrompt('Shared')
    const file = path.join(opened.path, 'project.json')
    const theirs = JSON.stringify({ ...(JSON.parse(await fs.readFile(file, 'utf8')) as object), name: 'Their name' }, null, 2)
    await fs.writeFile(file, theirs)
    expect(await main.prepareToQuit()).toBe(true)
    expect(asked).toEqual([expect.stringContaining('changed by another program')])
    expect(await savedPrompt(opened.path)).toBe('Unsaved words')
    const copies = (await fs.readdir(opened.path)).filter((name) => name.startsWith('project.changed-'))
    expect(copies).toHaveLength(1)
    expect(await fs.readFile(path.join(opened.path, copies[0]!), 'utf8')).toBe(theirs)
  })

  it('quits without asking when everything is saved', async () => {
    const { asked } = await start()
    await projectWithUnsavedPrompt('Fine')
    expect(await main.prepareToQuit()).toBe(true)
    expect(asked).toEqual([])
  })
})

describe('workspace operations at the same time', () => {
  it('opening two projects at once while a third is open leaves exactly one open and the others unlocked', async () => {
    await start()
    const first = await main.call('project:create', { name: 'First' })
    const second = await main.call('project:create', { name: 'Second' })
    const third = await main.call('project:create', { name: 'Third' })
    const results = await Promise.all([main.call('project:open', { path: first.path }), main.call('project:open', { path: second.path })])
    expect(results.map((r) => r.path)).toEqual([first.path, second.path])
    const open = await main.call('project:read', {})
    expect(open?.path).toBe(second.path)
    for (const closed of [first, third]) {
      const other = await openProjectSession(closed.path)
      await other.close()
    }
    expect(await main.call('project:close', {})).toEqual({ closed: true })
    const last = await openProjectSession(second.path)
    await last.close()
  })

  it('a close racing an open never leaves a session behind without its lock', async () => {
    await start()
    const first = await main.call('project:create', { name: 'Racing' })
    await main.call('project:close', {})
    const [opened, closed] = await Promise.all([main.call('project:open', { path: first.path }), main.call('project:close', {})])
    expect(opened.path).toBe(first.path)
    expect(closed).toEqual({ closed: true })
    expect(await main.call('project:read', {})).toBeNull()
    const again = await openProjectSession(first.path)
    await again.close()
  })

  it('lets go of the lock when a project fails to start after it was locked', async () => {
    await start()
    const made = await main.call('project:create', { name: 'Flaky settings' })
    await main.call('project:close', {})
    const store = createMemoryStore({ firstStartDone: true })
    const brokenStore = { ...store, set: (key: string, value: unknown) => (key === 'recentProjects' ? raiseStoreError() : store.set(key, value)) }
    const other = await startMain({ store: brokenStore })
    try {
      expect((await other.refusal('project:open', { path: made.path })).code).toBe('internal')
      expect(await other.call('project:read', {})).toBeNull()
      const reopened = await openProjectSession(made.path)
      await reopened.close()
    } finally {
      await other.dispose()
    }
  })
})

function raiseStoreError(): never {
  throw new Error('settings file is read-only')
}
