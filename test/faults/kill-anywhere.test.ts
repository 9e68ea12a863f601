import { spawn } from 'node:child_process'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom, startFakeMuleRouter, type FakeMuleRouter } from '../../src/fake-mulerouter'
import { loadProject } from '../../src/main/services/project/load-project'
import { createClip } from '../../src/shared/domain/create'
import { newId } from '../../src/shared/domain/ids'
import { bundleChild } from './support/bundle-child'
import { CANARY_KEY, makeProject, removeDir, reopen, tempDir } from '../main/generation/harness'

const KILLS = Number(process.env.KILL_ANYWHERE_KILLS ?? 100)
const QUEUE_KILLS = Number(process.env.KILL_ANYWHERE_QUEUE_KILLS ?? 25)
const SEED = Number(process.env.KILL_ANYWHERE_SEED ?? 20_261_126)
let childBundle = ''

type Child = { ready: Promise<boolean>; exited: Promise<void>; kill(): void }

/** With a chaos seed the child also stops waiting for some takes and fails some saves; the last run has none. */
function spawnChild(dir: string, baseUrl: string, chaosSeed?: number | 'queue' | 'edits'): Child {
  const args = [childBundle, dir, baseUrl, CANARY_KEY, ...(chaosSeed === undefined ? [] : [String(chaosSeed)])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') console.error(`child exited ${code}: ${stderr}`)
    resolve()
  }))
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(true))
    void exited.then(() => resolve(false))
  })
  return { ready, exited, kill: () => child.kill('SIGKILL') }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('kill anywhere: SIGKILL during save, submit, poll and download, with failed saves and Stop waiting', () => {
  let parent: string
  let dir: string
  let fake: FakeMuleRouter
  let video: Buffer

  beforeAll(async () => {
    childBundle = await bundleChild(new URL('./kill-anywhere-child.ts', import.meta.url), 'kill-anywhere-child')
    video = await readFile(new URL('../fixtures/media/sample.mp4', import.meta.url))
    // Small delays on some requests widen the windows a kill can land in: mid-POST, mid-GET, mid-download.
    fake = await startFakeMuleRouter({ keys: [CANARY_KEY], pendingMs: 40, processingMs: 60, chaos: { seed: SEED, rate: 0.4, kinds: ['delay'], delayMs: 40 } })
    parent = await tempDir()
    const session = await makeProject(parent, ['kill test clip 0'])
    dir = session.dir
    await session.close()
  })
  afterAll(async () => {
    await fake?.close()
    await removeDir(parent)
  })

  /** Keeps a few clips without a take, so every run has something new to send. */
  async function topUpClips(round: number): Promise<void> {
    const { project } = await loadProject(dir)
    const untouched = project.clips.filter((clip) => !project.takes.some((take) => take.clipId === clip.id))
    if (untouched.length >= 3) return
    const session = await reopen(dir)
    for (let i = 0; i < 4; i++) {
      session.applyEdits([{ type: 'addClip', clip: { ...createClip(session.project().defaults, newId()), prompt: `kill test clip ${round}-${i}` } }])
    }
    await session.close()
  }

  function postsPerPrompt(prefix = ''): Map<string, number> {
    const counts = new Map<string, number>()
    for (const request of fake.submits().filter((submit) => ((submit.body as { prompt?: string } | undefined)?.prompt ?? '').startsWith(prefix))) {
      const prompt = (request.body as { prompt?: string } | undefined)?.prompt ?? '?'
      counts.set(prompt, (counts.get(prompt) ?? 0) + 1)
    }
    return counts
  }

  it(`survives ${KILLS} kills: the project always opens, no take or task id is lost, nothing is POSTed twice`, async () => {
    const random = seededRandom(SEED)
    const known = new Map<string, string | null>()
    for (let round = 0; round < KILLS; round++) {
      await topUpClips(round)
      const child = spawnChild(dir, fake.url, SEED + round)
      // A fifth of the kills land during start-up (opening, resuming); the rest while jobs run.
      if (random() < 0.2) await sleep(random() * 120)
      else if (await child.ready) await sleep(random() * 200)
      child.kill()
      await child.exited

      const { project } = await loadProject(dir)
      const byId = new Map(project.takes.map((take) => [take.id, take]))
      for (const [takeId, taskId] of known) {
        expect(byId.has(takeId), `take ${takeId} lost after kill ${round}`).toBe(true)
        if (taskId !== null) expect(byId.get(takeId)?.taskId, `task id of ${takeId} lost after kill ${round}`).toBe(taskId)
      }
      for (const take of project.takes) known.set(take.id, take.taskId)
      for (const [prompt, count] of postsPerPrompt()) expect(count, `"${prompt}" POSTed ${count} times`).toBe(1)
      for (const name of await readdir(path.join(dir, 'takes'))) {
        if (name.endsWith('.mp4')) expect((await stat(path.join(dir, 'takes', name))).size).toBe(video.length)
      }
    }

    const last = spawnChild(dir, fake.url)
    await last.exited
    const { project } = await loadProject(dir)
    const created = new Set(fake.createdTaskIds())
    expect(fake.submits().length).toBe(created.size)
    for (const take of project.takes) {
      expect(['completed', 'submit_unknown', 'failed']).toContain(take.status)
      if (take.taskId !== null) {
        expect(created.has(take.taskId)).toBe(true)
        expect(take.status).toBe('completed')
        for (const file of take.files) expect((await readFile(path.join(dir, 'takes', file.fileName ?? '-'))).equals(video)).toBe(true)
      } else if (take.status === 'failed') {
        // Never sent: refused while offline, or its journal save failed (so it was not sent at all).
        expect(['network_offline', 'disk_full']).toContain(take.error?.code)
        if (take.error?.code === 'disk_full') expect(take.submittedAt).toBeNull()
      }
    }
    const recorded = new Set(project.takes.flatMap((take) => (take.taskId ? [take.taskId] : [])))
    const unknownTakes = project.takes.filter((take) => take.status === 'submit_unknown').length
    // A task whose id never reached the journal can only belong to a take that now asks the user.
    expect([...created].filter((taskId) => !recorded.has(taskId)).length).toBeLessThanOrEqual(unknownTakes)
    console.info(`kill-anywhere: ${KILLS} kills, ${project.takes.length} takes, ${created.size} tasks, ${unknownTakes} left as submit_unknown`)
  }, 120_000)

  it(`a queue of 20 clips at concurrency 4 survives ${QUEUE_KILLS} kills: every clip ends with exactly one take, no prompt POSTed twice`, async () => {
    const random = seededRandom(SEED + 1)
    const session = await makeProject(parent, Array.from({ length: 20 }, (_, i) => `queue kill clip ${i}`))
    const queueDir = session.dir
    await session.close()
    for (let round = 0; round < QUEUE_KILLS; round++) {
      const child = spawnChild(queueDir, fake.url, 'queue')
      if (await child.ready) await sleep(random() * 150)
      child.kill()
      await child.exited
      for (const [prompt, count] of postsPerPrompt('queue kill clip')) expect(count, `"${prompt}" POSTed ${count} times`).toBe(1)
    }
    await spawnChild(queueDir, fake.url, 'queue').exited

    const { project } = await loadProject(queueDir)
    for (const clip of project.clips) {
      const takes = project.takes.filter((take) => take.clipId === clip.id)
      expect(takes, `clip "${clip.prompt}"`).toHaveLength(1)
      // Killed between the mark and the answer, a take may have reached MuleRouter: it asks the user, never resends.
      expect(['completed', 'submit_unknown']).toContain(takes[0]!.status)
    }
    const posts = postsPerPrompt('queue kill clip')
    for (const [prompt, count] of posts) expect(count, `"${prompt}" POSTed ${count} times`).toBe(1)
    const completed = project.takes.filter((take) => take.status === 'completed').length
    expect(posts.size).toBeGreaterThanOrEqual(completed)
    expect(posts.size).toBeLessThanOrEqual(20)
  }, 120_000)

  it(`edits and next shots survive ${QUEUE_KILLS} kills: one POST each, on their own paths, nothing lost`, async () => {
    const random = seededRandom(SEED + 2)
    // Edits need a take Kling would accept as a source: a 4 s 720p video, fetched by the fake from its own link.
    const videoFake = await startFakeMuleRouter({ keys: [CANARY_KEY], pendingMs: 40, processingMs: 60, videoPath: new URL('../fixtures/media/take-4s-720p.mp4', import.meta.url) })
    const session = await makeProject(parent, ['edit src 0', 'edit src 1', 'edit src 2'])
    const editDir = session.dir
    await session.close()
    /** POSTs per (path, prompt): each edit and next shot has a prompt of its own. */
    const postsOn = (path: string) => {
      const counts = new Map<string, number>()
      for (const submit of videoFake.submits().filter((request) => request.path.endsWith(path))) {
        const prompt = (submit.body as { prompt?: string }).prompt ?? '?'
        counts.set(prompt, (counts.get(prompt) ?? 0) + 1)
      }
      return counts
    }
    const known = new Map<string, string | null>()
    try {
      for (let round = 0; round < QUEUE_KILLS; round++) {
        const child = spawnChild(editDir, videoFake.url, 'edits')
        if (await child.ready) await sleep(random() * 400)
        child.kill()
        await child.exited
        const { project } = await loadProject(editDir)
        const byId = new Map(project.takes.map((take) => [take.id, take]))
        for (const [takeId, taskId] of known) {
          expect(byId.has(takeId), `take ${takeId} lost after kill ${round}`).toBe(true)
          if (taskId !== null) expect(byId.get(takeId)?.taskId).toBe(taskId)
        }
        for (const take of project.takes) known.set(take.id, take.taskId)
        for (const path of ['/video-to-video/edit', '/video-to-video/generation']) {
          for (const [prompt, count] of postsOn(path)) expect(count, `"${prompt}" POSTed ${count} times on ${path}`).toBe(1)
        }
      }
      await spawnChild(editDir, videoFake.url, 'edits').exited

      const { project } = await loadProject(editDir)
      const edits = project.takes.filter((take) => take.edit)
      const nextShots = project.clips.filter((clip) => clip.videoReference)
      expect(edits.length).toBeGreaterThan(0)
      expect(nextShots.length).toBeGreaterThan(0)
      for (const take of [...edits, ...project.takes.filter((candidate) => nextShots.some((clip) => clip.id === candidate.clipId))]) {
        expect(['completed', 'submit_unknown']).toContain(take.status)
        expect(take.endpoint).toMatch(/^video-to-video\//)
      }
      // One edit per source take, one take per next shot, however many times the same clicks were replayed.
      expect(new Set(edits.map((take) => (take.edit?.source.kind === 'take' ? take.edit.source.takeId : '')))).toHaveProperty('size', edits.length)
      for (const clip of nextShots) expect(project.takes.filter((take) => take.clipId === clip.id)).toHaveLength(1)
      expect(postsOn('/video-to-video/edit').size).toBeLessThanOrEqual(edits.length)
      expect(postsOn('/video-to-video/generation').size).toBeLessThanOrEqual(nextShots.length)
    } finally {
      await videoFake.close()
    }
  }, 180_000)
})
