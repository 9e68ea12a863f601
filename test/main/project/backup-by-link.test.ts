import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeDurableFs, type DurableFs } from '../../../src/main/services/disk/atomic-write'
import { createProject } from '../../../src/main/services/project/open-project'
import { loadProject } from '../../../src/main/services/project/load-project'
import { readJson, tempDir, testDeps } from './temp-project'

const posixOnly = process.platform === 'win32' ? it.skip : it

async function savedTwice(name: string, extra: Parameters<typeof testDeps>[0] = {}) {
  const session = await createProject(await tempDir(), name, testDeps({ autosaveDelayMs: 60_000, ...extra }))
  session.applyEdits([{ type: 'renameProject', name: 'Second name' }])
  await session.saveNow()
  const file = path.join(session.dir, 'project.json')
  return { session, file, backup: path.join(session.dir, 'project.json.bak') }
}

describe('project.json.bak kept by name instead of by copy', () => {
  it('makes the previous project.json itself the backup: its bytes are not written a second time', async () => {
    const { session, file, backup } = await savedTwice('Linked backup')
    const previous = await fs.stat(file)
    session.applyEdits([{ type: 'renameProject', name: 'Third name' }])
    await session.saveNow()
    const kept = await fs.stat(backup)
    expect([kept.ino, kept.nlink]).toEqual([previous.ino, 1])
    expect((await readJson(backup)).name).toBe('Second name')
    expect((await readJson(file)).name).toBe('Third name')
    expect((await fs.readdir(session.dir)).filter((name) => name.includes('omniboard-tmp'))).toEqual([])
    await session.close()
  })

  posixOnly('a project.json the user hard-linked to a file elsewhere: that file is never changed nor named as the backup', async () => {
    const { session, file, backup } = await savedTwice('Hard-linked by the user')
    const outside = path.join(await tempDir(), 'my-copy.json')
    await fs.link(file, outside)
    const outsideBytes = await fs.readFile(outside)
    for (const name of ['Third name', 'Fourth name']) {
      session.applyEdits([{ type: 'renameProject', name }])
      await session.saveNow()
      expect(await fs.readFile(outside)).toEqual(outsideBytes)
      expect((await fs.stat(backup)).ino).not.toBe((await fs.stat(outside)).ino)
    }
    expect((await readJson(backup)).name).toBe('Third name')
    expect((await readJson(file)).name).toBe('Fourth name')
    await session.close()
  })

  it('a save stopped between keeping the backup and renaming the new file in leaves both names a complete project', async () => {
    let stopped = false
    const disk: DurableFs = {
      ...nodeDurableFs,
      async rename(from, to) {
        if (stopped && path.basename(to) === 'project.json') throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' })
        return nodeDurableFs.rename(from, to)
      },
    }
    const { session, file, backup } = await savedTwice('Stopped save', { disk })
    stopped = true
    session.applyEdits([{ type: 'renameProject', name: 'Never saved' }])
    await expect(session.saveNow()).rejects.toMatchObject({ error: { code: 'disk_error' } })
    expect((await loadProject(session.dir)).project.name).toBe('Second name')
    expect((await readJson(backup)).name).toBe('Second name')
    expect((await readJson(file)).name).toBe('Second name')
    await session.close().catch(() => undefined)
  })

  it('on a file system without hard links the backup is written as a copy', async () => {
    const disk: DurableFs = { ...nodeDurableFs, linkSoleFile: async () => false }
    const { session, file, backup } = await savedTwice('No hard links', { disk })
    session.applyEdits([{ type: 'renameProject', name: 'Third name' }])
    await session.saveNow()
    expect((await fs.stat(backup)).ino).not.toBe((await fs.stat(file)).ino)
    expect((await readJson(backup)).name).toBe('Second name')
    await session.close()
  })
})
