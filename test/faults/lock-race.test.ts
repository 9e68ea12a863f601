import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProject } from '../../src/main/services/project/open-project'
import { startLineChild, type LineChild } from './support/line-child'

const CHILDREN = 4
const ROUNDS = 40
const STALE_MS = 5_000
const childScript = fileURLToPath(new URL('./lock-race-child.ts', import.meta.url))

type Child = LineChild
const startChild = (dir: string): Child => startLineChild(childScript, [dir, String(STALE_MS)])

async function lineEnding(child: Child, suffix: string): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const line = child.lines.find((l) => l.endsWith(suffix))
    if (line !== undefined) return line
    if (child.process.exitCode !== null || Date.now() > deadline) throw new Error(`child gave no "${suffix}": ${child.stderr.join('')}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!
const longAgo = new Date(Date.now() - 3_600_000)

/** The ways a crash leaves a lock behind; each must be taken over by exactly one of several openers. */
const staleLocks: { name: string; write(file: string): Promise<void> }[] = [
  { name: 'a process on this computer that has exited', write: (file) => fs.writeFile(file, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), createdAt: '', token: `t${Date.now()}a` })) },
  {
    // The dead holder's PID now belongs to a running process (here: this test), so only the old mtime tells.
    name: 'a dead process whose PID was reused',
    async write(file) {
      await fs.writeFile(file, JSON.stringify({ pid: process.pid, hostname: os.hostname(), createdAt: '', token: `t${Date.now()}b` }))
      await fs.utimes(file, longAgo, longAgo)
    },
  },
  {
    name: 'another computer, long ago',
    async write(file) {
      await fs.writeFile(file, JSON.stringify({ pid: 1, hostname: `${os.hostname()}-elsewhere`, createdAt: '', token: `t${Date.now()}c` }))
      await fs.utimes(file, longAgo, longAgo)
    },
  },
  {
    name: 'a half-written lock file, long ago',
    async write(file) {
      await fs.writeFile(file, '{"pid":')
      await fs.utimes(file, longAgo, longAgo)
    },
  },
]

describe('openers racing for a stale project lock', () => {
  let parent = ''
  let children: Child[] = []
  beforeAll(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-lock-race-'))
  })
  afterAll(async () => {
    for (const child of children) child.process.kill()
    await fs.rm(parent, { recursive: true, force: true })
  })

  it(`lets exactly one of ${CHILDREN} processes win each of ${ROUNDS} rounds, and refuses the rest with project_locked`, async () => {
    const created = await createProject(parent, 'Race', { now: () => new Date(), newId: () => `id${Math.random().toString(36).slice(2)}` })
    await created.close()
    const lockFile = path.join(created.dir, '.omniboard.lock')
    children = Array.from({ length: CHILDREN }, () => startChild(created.dir))
    for (const child of children) await lineEnding(child, 'ready')

    const outcomes: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const stale = staleLocks[round % staleLocks.length]!
      await stale.write(lockFile)
      for (const child of children) child.process.stdin.write(`go ${round}\n`)
      const answers = await Promise.all(children.map((child) => lineEnding(child, ` ${round}`)))
      const results = answers.map((line) => line.split(' ')[0])
      outcomes.push(`${stale.name}: ${results.join(',')}`)
      expect(results.filter((r) => r === 'won'), `round ${round} (${stale.name})`).toHaveLength(1)
      expect(results.filter((r) => r !== 'won').every((r) => r === 'project_locked'), `round ${round}: ${results.join(',')}`).toBe(true)
      for (const child of children) child.process.stdin.write(`end ${round}\n`)
      await Promise.all(children.map((child) => lineEnding(child, `ended ${round}`)))
      await expect(fs.access(lockFile), 'the winner released the lock').rejects.toThrow()
    }
    expect(outcomes).toHaveLength(ROUNDS)
  }, 120_000)
})
