import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from './temp-project'

/** The pid of a process that has already exited, i.e. one that crashed while holding a lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid!
}

async function closedProject(): Promise<string> {
  const session = await createProject(await tempDir(), 'Locked', testDeps())
  await session.close()
  return session.dir
}

describe('project lock', () => {
  it('refuses a second opener while the project is open, and lets it in after close', async () => {
    const dir = await closedProject()
    const first = await openProjectSession(dir, testDeps())
    const lock = JSON.parse(await fs.readFile(path.join(dir, '.omniboard.lock'), 'utf8')) as Record<string, unknown>
    expect(lock).toMatchObject({ pid: process.pid, hostname: os.hostname() })
    await expect(openProjectSession(dir, testDeps())).rejects.toMatchObject({
      error: { code: 'project_locked', message: expect.stringContaining('another Omniboard window or process') },
    })
    await first.close()
    await expect(fs.access(path.join(dir, '.omniboard.lock'))).rejects.toThrow()
    const second = await openProjectSession(dir, testDeps())
    await second.close()
  })

  it('takes over a lock left by a process on this computer that no longer runs', async () => {
    const dir = await closedProject()
    const stale = { pid: deadPid(), hostname: os.hostname(), createdAt: '2020-01-01T00:00:00.000Z' }
    await fs.writeFile(path.join(dir, '.omniboard.lock'), JSON.stringify(stale))
    const session = await openProjectSession(dir, testDeps())
    const lock = JSON.parse(await fs.readFile(path.join(dir, '.omniboard.lock'), 'utf8')) as Record<string, unknown>
    expect(lock.pid).toBe(process.pid)
    await session.close()
  })

  it('respects a lock held from another computer, since it cannot tell whether that process runs', async () => {
    const dir = await closedProject()
    const remote = { pid: deadPid(), hostname: `${os.hostname()}-elsewhere`, createdAt: '2020-01-01T00:00:00.000Z' }
    await fs.writeFile(path.join(dir, '.omniboard.lock'), JSON.stringify(remote))
    await expect(openProjectSession(dir, testDeps())).rejects.toMatchObject({
      error: { code: 'project_locked', message: expect.stringContaining('-elsewhere') },
    })
  })

  it('takes over a lock whose PID now belongs to another running process once nobody refreshed it for the stale period', async () => {
    const dir = await closedProject()
    const file = path.join(dir, '.omniboard.lock')
    // process.pid stands in for a dead holder's PID reused by an unrelated program.
    await fs.writeFile(file, JSON.stringify({ pid: process.pid, hostname: os.hostname(), createdAt: '2020-01-01T00:00:00.000Z', token: 'reused-pid-lock' }))
    await expect(openProjectSession(dir, testDeps({ lockStaleMs: 60_000 }))).rejects.toMatchObject({ error: { code: 'project_locked' } })
    const old = new Date(Date.now() - 120_000)
    await fs.utimes(file, old, old)
    const session = await openProjectSession(dir, testDeps({ lockStaleMs: 60_000 }))
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).not.toMatchObject({ token: 'reused-pid-lock' })
    await session.close()
  })

  it('keeps a held lock fresh, so a long-open project is never taken over', async () => {
    const dir = await closedProject()
    const first = await openProjectSession(dir, testDeps({ lockStaleMs: 1_000 }))
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    await expect(openProjectSession(dir, testDeps({ lockStaleMs: 1_000 }))).rejects.toMatchObject({ error: { code: 'project_locked' } })
    await first.close()
  })

  it('takes over a lock from another computer that went stale, and leaves no claim files behind', async () => {
    const dir = await closedProject()
    const file = path.join(dir, '.omniboard.lock')
    await fs.writeFile(file, JSON.stringify({ pid: 1, hostname: `${os.hostname()}-elsewhere`, createdAt: '2020-01-01T00:00:00.000Z', token: 'remote-lock' }))
    const old = new Date(Date.now() - 3_600_000)
    await fs.utimes(file, old, old)
    const session = await openProjectSession(dir, testDeps())
    expect((await fs.readdir(dir)).filter((name) => name.startsWith('.omniboard.lock'))).toEqual(['.omniboard.lock'])
    await session.close()
  })
})
