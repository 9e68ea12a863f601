import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from './temp-project'

const posixOnly = process.platform === 'win32' ? it.skip : it

async function closedProject(): Promise<string> {
  const session = await createProject(await tempDir(), 'Shared', testDeps())
  await session.close()
  return session.dir
}

/** Fails the test instead of hanging it: every case here must answer within a few seconds. */
const within = <T>(promise: Promise<T>, ms = 5000): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))])

describe('project files that are not what they should be', () => {
  posixOnly('a FIFO as the lock is refused at once with its reason, and the open queue is not stalled', async () => {
    const dir = await closedProject()
    execFileSync('mkfifo', [path.join(dir, '.omniboard.lock')])
    await expect(within(openProjectSession(dir, testDeps()))).rejects.toMatchObject({
      error: { code: 'project_unsafe_file', message: expect.stringMatching(/\.omniboard\.lock .*named pipe/) },
    })
  })

  it('a lock that is a folder is refused with a reason, not "something went wrong"', async () => {
    const dir = await closedProject()
    await fs.mkdir(path.join(dir, '.omniboard.lock'))
    await expect(within(openProjectSession(dir, testDeps()))).rejects.toMatchObject({
      error: { code: 'project_unsafe_file', message: expect.stringMatching(/\.omniboard\.lock .*is a folder/), hint: expect.stringMatching(/Remove \.omniboard\.lock/) },
    })
  })

  posixOnly('a lock that is a link to a file elsewhere is refused, and that file is left alone', async () => {
    const dir = await closedProject()
    const outside = path.join(await tempDir(), 'owner.json')
    const text = JSON.stringify({ pid: 1, hostname: 'CANARY-HOST', createdAt: new Date(0).toISOString() })
    await fs.writeFile(outside, text)
    await fs.symlink(outside, path.join(dir, '.omniboard.lock'))
    const error = await within(openProjectSession(dir, testDeps())).catch((cause: unknown) => cause)
    expect(error).toMatchObject({ error: { code: 'project_unsafe_file' } })
    expect(JSON.stringify(error)).not.toContain('CANARY-HOST')
    expect(await fs.readFile(outside, 'utf8')).toBe(text)
  })

  posixOnly('takes/ that is a link is refused before anything in it is deleted', async () => {
    const dir = await closedProject()
    const outside = await tempDir()
    const leftover = path.join(outside, 'notes.txt.omniboard-tmp-0123456789ab')
    await fs.writeFile(leftover, 'the user’s file')
    await fs.rm(path.join(dir, 'takes'), { recursive: true })
    await fs.symlink(outside, path.join(dir, 'takes'))
    await expect(within(openProjectSession(dir, testDeps()))).rejects.toMatchObject({ error: { code: 'project_unsafe_file', message: expect.stringContaining('takes → ') } })
    expect(await fs.readFile(leftover, 'utf8')).toBe('the user’s file')
  })

  posixOnly('project.json swapped for a link after opening is never read into the backup or copied on save', async () => {
    const session = await openProjectSession(await closedProject(), testDeps())
    const outside = path.join(await tempDir(), 'other.json')
    await fs.writeFile(outside, '{"CANARY":"another project"}')
    try {
      await fs.rm(path.join(session.dir, 'project.json'))
      await fs.symlink(outside, path.join(session.dir, 'project.json'))
      session.applyEdits([{ type: 'renameProject', name: 'Renamed' }])
      await within(session.saveNow()).catch(() => undefined)
      const backup = await fs.readFile(path.join(session.dir, 'project.json.bak'), 'utf8').catch(() => '')
      expect(backup).not.toContain('CANARY')
      expect(await fs.readFile(outside, 'utf8')).toBe('{"CANARY":"another project"}')
    } finally {
      await session.close().catch(() => undefined)
    }
  })
})
