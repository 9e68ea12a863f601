import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeDurableFs, type DurableFs } from '../../../src/main/services/disk/atomic-write'
import type { SaveState } from '../../../src/main/services/project/project-session'
import { createProject } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from './temp-project'

type Step = 'write' | 'sync' | 'rename'

/** The real file system, except that one step of writing `fileName` fails the way a real disk does. */
function faultyDisk(fault: { step: Step; errno: string; fileName: string }): DurableFs & { armed: boolean } {
  const disk = {
    armed: true,
    ...nodeDurableFs,
    async createExclusive(filePath: string) {
      const file = await nodeDurableFs.createExclusive(filePath)
      const hit = (step: Step) => disk.armed && fault.step === step && isTempOf(filePath, fault.fileName)
      return {
        write: async (data: Uint8Array) => {
          // A full disk typically accepts part of the data first.
          if (hit('write')) await file.write(data.subarray(0, data.length >> 1)).then(() => raise(fault.errno))
          return file.write(data)
        },
        sync: async () => (hit('sync') ? raise(fault.errno) : file.sync()),
        close: () => file.close(),
      }
    },
    // A file system without hard links (FAT, some shares) while the backup is at fault: it is written as a copy.
    async linkSoleFile(existing: string, newPath: string) {
      return disk.armed && fault.fileName === 'project.json.bak' ? false : nodeDurableFs.linkSoleFile(existing, newPath)
    },
    async rename(from: string, to: string) {
      if (disk.armed && fault.step === 'rename' && isTempOf(from, fault.fileName)) raise(fault.errno)
      return nodeDurableFs.rename(from, to)
    },
  }
  return disk
}

const isTempOf = (filePath: string, fileName: string): boolean => path.basename(filePath).startsWith(`${fileName}.omniboard-tmp-`)
const raise = (errno: string): never => {
  throw Object.assign(new Error(`${errno}: simulated`), { code: errno })
}

const cases: { step: Step; errno: string; fileName: string; code: string }[] = [
  { step: 'write', errno: 'ENOSPC', fileName: 'project.json', code: 'disk_full' },
  { step: 'rename', errno: 'EPERM', fileName: 'project.json', code: 'disk_permission' },
  { step: 'sync', errno: 'EIO', fileName: 'project.json', code: 'disk_error' },
  { step: 'write', errno: 'EACCES', fileName: 'project.json.bak', code: 'disk_permission' },
]

describe('saving when the disk fails', () => {
  for (const fault of cases) {
    it(`${fault.errno} at ${fault.step} of ${fault.fileName}: reports ${fault.code}, keeps project.json byte-identical, retries later`, async () => {
      const disk = faultyDisk(fault)
      disk.armed = false
      const session = await createProject(await tempDir(), 'Faulty disk', testDeps({ disk, autosaveDelayMs: 60_000 }))
      session.applyEdits([{ type: 'renameProject', name: 'Before the fault' }])
      await session.saveNow()
      disk.armed = true
      const file = path.join(session.dir, 'project.json')
      const before = await fs.readFile(file)
      const states: SaveState[] = []
      session.onSaveState((state) => states.push(state))

      session.applyEdits([{ type: 'renameProject', name: 'After the fault' }])
      await expect(session.saveNow()).rejects.toMatchObject({ error: { code: fault.code, message: expect.stringMatching(/^Could not save/) } })
      expect(await fs.readFile(file)).toEqual(before)
      expect((await fs.readdir(session.dir)).filter((name) => name.includes('omniboard-tmp'))).toEqual([])
      expect(states.at(-1)).toMatchObject({ state: 'error', error: { code: fault.code } })

      disk.armed = false
      await session.saveNow()
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ name: 'After the fault' })
      expect(states.at(-1)).toMatchObject({ state: 'saved', error: null })
      await session.close()
    })
  }

  it('still reports a typed error when a take cannot be saved, so the engine knows it is not recorded', async () => {
    const disk = faultyDisk({ step: 'write', errno: 'ENOSPC', fileName: 'project.json' })
    disk.armed = false
    const session = await createProject(await tempDir(), 'Take on full disk', testDeps({ disk }))
    disk.armed = true
    const clipId = session.project().clips[0]!.id
    const take = {
      id: 'take-1', clipId, status: 'submitting' as const, request: {}, taskId: null, remoteStatus: null,
      createdAt: 'now', updatedAt: 'now', submittedAt: null, finishedAt: null, error: null, files: [],
    }
    await expect(session.addTake(take)).rejects.toMatchObject({ error: { code: 'disk_full', hint: expect.stringContaining('Free some space') } })
    await session.forceClose()
  })
})
