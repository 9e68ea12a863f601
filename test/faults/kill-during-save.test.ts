import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/main/services/project/load-project'
import { createProject } from '../../src/main/services/project/open-project'
import { seededRandom } from '../../src/fake-mulerouter/faults'
import { startLineChild, type LineChild } from './support/line-child'

const SEED = 20261126
const KILLS = 50
const childScript = fileURLToPath(new URL('./save-repeatedly.ts', import.meta.url))

type Child = LineChild
const startChild = (dir: string): Child => startLineChild(childScript, [dir])

async function waitForReady(child: Child): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!child.lines.some((line) => line.startsWith('ready'))) {
    if (child.process.exitCode !== null || Date.now() > deadline) throw new Error(`child did not start: ${child.stderr.join('')}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

const lastNumber = (lines: string[], word: string): number | null => {
  const line = lines.findLast((l) => l.startsWith(`${word} `))
  return line === undefined ? null : Number(line.split(' ')[1])
}

describe('killing the app in the middle of saving', () => {
  let parent = ''
  beforeAll(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-kill-'))
  })
  afterAll(async () => {
    await fs.rm(parent, { recursive: true, force: true })
  })

  it(`always leaves a project that opens with the old or the new content (${KILLS} kills, seed ${SEED})`, async () => {
    const created = await createProject(parent, 'Crash test', { now: () => new Date(), newId: () => `id${Math.random().toString(36).slice(2)}` })
    await created.close()
    const dir = created.dir
    const random = seededRandom(SEED)
    // Starting a child takes longer than a round, so a few wait ready with their modules loaded.
    const warm = Array.from({ length: 2 }, () => startChild(dir))
    let killedMidSave = 0

    try {
      for (let round = 0; round < KILLS; round++) {
        const child = warm.shift()!
        warm.push(startChild(dir))
        child.process.stdin.write('go\n')
        await waitForReady(child)
        await new Promise((resolve) => setTimeout(resolve, random() * 60))
        child.process.kill('SIGKILL')
        await child.exited

        const started = Number(child.lines[0]!.split(' ')[1])
        const saved = lastNumber(child.lines, 'saved') ?? started
        const saving = lastNumber(child.lines, 'saving')
        if (saving !== null && saving > saved) killedMidSave++

        const stat = await fs.stat(path.join(dir, 'project.json'))
        expect(stat.size, `round ${round}: project.json is empty`).toBeGreaterThan(0)
        const { project } = await loadProject(dir)
        const generation = Number(/^gen (\d+)$/.exec(project.name)?.[1] ?? 0)
        expect([saved, saved + 1], `round ${round}: saved ${saved}, found ${generation}`).toContain(generation)
        if (generation > 0) expect(project.clips.at(-1)!.title).toBe(`gen ${generation}`)
      }
    } finally {
      for (const child of warm) child.process.kill('SIGKILL')
      await Promise.all(warm.map((child) => child.exited))
    }
    // Guards the guard: the kills must really land while a save is running, not only between saves.
    expect(killedMidSave).toBeGreaterThan(KILLS / 3)
  }, 60_000)
})
