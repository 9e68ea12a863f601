import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/shared/ipc/contract'
import { faultyDisk, type DiskFault } from './support/faulty-disk'
import { expectPlainError, startMain, waitForEvent, type EmittedEvent, type MainUnderTest } from '../support/main-under-test'

type SaveState = EventPayload<'project:saveState'>
const saveState = (state: SaveState['state']) => (e: EmittedEvent) => e.event === 'project:saveState' && (e.payload as SaveState).state === state

let main: MainUnderTest | null = null
afterEach(async () => {
  await main?.dispose()
  main = null
})

/** The app as the window drives it, on a disk that fails on demand, with a short autosave delay. */
async function openOnFaultyDisk(autosaveDelayMs = 10) {
  const disk = faultyDisk()
  main = await startMain({ sessionDeps: { now: () => new Date(), newId: () => randomUUID(), autosaveDelayMs, disk } })
  const { path: dir, project } = await main.call('project:create', { name: 'Lighthouse' })
  const clipId = project.clips[0]!.id
  // One good save first, so a project.json.bak exists and every later save goes through the backup step too.
  const since = main.events.length
  await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Waves at dawn' } }] })
  await waitForEvent(main, saveState('saved'), since)
  return { main, disk, dir, clipId, file: path.join(dir, 'project.json') }
}

const leftovers = async (dir: string) => (await fs.readdir(dir)).filter((name) => name.includes('omniboard-tmp'))

const faults: (DiskFault & { code: string; message: RegExp })[] = [
  { step: 'write', errno: 'ENOSPC', fileName: 'project.json', code: 'disk_full', message: /disk is full/ },
  { step: 'fsync', errno: 'ENOSPC', fileName: 'project.json', code: 'disk_full', message: /disk is full/ },
  { step: 'rename', errno: 'ENOSPC', fileName: 'project.json', code: 'disk_full', message: /disk is full/ },
  { step: 'write', errno: 'EPERM', fileName: 'project.json', code: 'disk_permission', message: /not allowed to write/ },
  { step: 'fsync', errno: 'EPERM', fileName: 'project.json', code: 'disk_permission', message: /not allowed to write/ },
  { step: 'rename', errno: 'EPERM', fileName: 'project.json', code: 'disk_permission', message: /not allowed to write/ },
  { step: 'open', errno: 'EACCES', fileName: 'project.json', code: 'disk_permission', message: /not allowed to write/ },
  { step: 'link', errno: 'ENOSPC', fileName: 'project.json.bak', code: 'disk_full', message: /disk is full/ },
  { step: 'rename', errno: 'EPERM', fileName: 'project.json.bak', code: 'disk_permission', message: /not allowed to write/ },
  { step: 'fsync', errno: 'EIO', fileName: 'project.json', code: 'disk_error', message: /disk reported an error \(EIO\)/ },
]

describe('autosave through project:edit on a failing disk', () => {
  for (const fault of faults) {
    it(`${fault.errno} at ${fault.step} of ${fault.fileName}: project.json stays byte-identical and the window hears ${fault.code}`, async () => {
      const { main, disk, dir, clipId, file } = await openOnFaultyDisk()
      const before = await fs.readFile(file)
      const backupBefore = await fs.readFile(path.join(dir, 'project.json.bak'))
      disk.fault = fault
      const since = main.events.length

      await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Storm at noon' } }] })
      const failed = (await waitForEvent(main, saveState('error'), since)).payload as SaveState
      expectPlainError(failed.error!, fault.code as never, fault.message)
      expect(failed.error!.hint).not.toBe('')
      expect(await fs.readFile(file)).toEqual(before)
      if (fault.fileName === 'project.json.bak') expect(await fs.readFile(path.join(dir, 'project.json.bak'))).toEqual(backupBefore)
      expect(await leftovers(dir)).toEqual([])
      // The edit is not lost: it is still what the window sees, and it is saved once the disk recovers.
      expect((await main.call('project:read', {}))!.project.clips[0]!.prompt).toBe('Storm at noon')
      expectPlainError(await main.refusal('project:saveNow', {}), fault.code as never)

      disk.fault = null
      const recovered = main.events.length
      await main.call('project:saveNow', {})
      await waitForEvent(main, saveState('saved'), recovered)
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ clips: [{ prompt: 'Storm at noon' }] })
    })
  }

  it('EIO at the fsync of the folder after the rename: reports disk_error, and the next save does not mistake our own bytes for a foreign edit', async () => {
    const { main, disk, clipId, file } = await openOnFaultyDisk()
    disk.fault = { step: 'fsync-folder', errno: 'EIO', fileName: 'project.json' }
    const since = main.events.length
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Fog' } }] })
    const failed = (await waitForEvent(main, saveState('error'), since)).payload as SaveState
    expectPlainError(failed.error!, 'disk_error', /EIO/)

    disk.fault = null
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Fog lifting' } }] })
    await main.call('project:saveNow', {})
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ clips: [{ prompt: 'Fog lifting' }] })
  })
})

describe('a project changed on disk by another program while open', () => {
  it('is not silently overwritten: autosave stops with project_changed_on_disk and their content stays', async () => {
    // Long enough that the other program's write surely lands between the edit and the autosave.
    const { main, clipId, file } = await openOnFaultyDisk(250)
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>
    const theirs = `${JSON.stringify({ ...json, name: 'Renamed in a text editor' }, null, 2)}\n`

    const since = main.events.length
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Our unsaved prompt' } }] })
    await fs.writeFile(file, theirs)
    const failed = (await waitForEvent(main, saveState('error'), since)).payload as SaveState
    expectPlainError(failed.error!, 'project_changed_on_disk', /changed by another program/)
    expect(failed.error!.hint).toMatch(/Reload|Overwrite/)
    expect(await fs.readFile(file, 'utf8')).toBe(theirs)

    // Later edits and explicit saves keep refusing rather than overwrite their version.
    await main.call('project:edit', { ops: [{ type: 'renameProject', name: 'Ours' }] })
    expectPlainError(await main.refusal('project:saveNow', {}), 'project_changed_on_disk')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await fs.readFile(file, 'utf8')).toBe(theirs)
    expect((await main.call('project:read', {}))!.project.clips[0]!.prompt).toBe('Our unsaved prompt')
  })

  it('is not overwritten when the other program deleted and recreated the file either', async () => {
    const { main, clipId, file } = await openOnFaultyDisk()
    const theirs = (await fs.readFile(file, 'utf8')).replace('Waves at dawn', 'Their prompt')
    await fs.rm(file)
    await fs.writeFile(file, theirs)
    const since = main.events.length
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId, patch: { prompt: 'Our prompt' } }] })
    const failed = (await waitForEvent(main, saveState('error'), since)).payload as SaveState
    expect(failed.error!.code).toBe('project_changed_on_disk')
    expect(await fs.readFile(file, 'utf8')).toBe(theirs)
  })
})
