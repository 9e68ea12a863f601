import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allChaosKinds, startFakeMuleRouter, type FakeMuleRouter } from '../../src/fake-mulerouter'
import type { ProjectSession } from '../../src/main/services/project/project-session'
import type { Take } from '../../src/shared/domain/project'
import { AppErrorSchema } from '../../src/shared/errors'
import { createNextShot } from '../../src/shared/domain/create'
import { probeTakeVideoFacts } from '../../src/main/services/media/take-video-facts'
import { CANARY_KEY, engineFor, makeProject, recorder, removeDir, tempDir } from '../main/generation/harness'

const JOBS = 30
const SEED = Number(process.env.NETWORK_CHAOS_SEED ?? 6_2026)

/** Errors a take may end with under chaos; each is something the UI can explain and offer a next step for. */
const explainedEndings = new Set(['task_failed', 'download_expired', 'download_failed', 'api_rate_limited', 'api_server_error', 'api_malformed', 'submit_outcome_unknown'])

describe('network chaos: 429, 500, 503, hangs, resets, bad JSON and expired links in random mixes, with Stop waiting and Check again', () => {
  let parent: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeAll(async () => {
    fake = await startFakeMuleRouter({
      keys: [CANARY_KEY],
      pendingMs: 30,
      processingMs: 40,
      chaos: { seed: SEED, rate: 0.3, kinds: allChaosKinds, delayMs: 50, retryAfterSeconds: 0 },
    })
    parent = await tempDir()
    session = await makeProject(parent, Array.from({ length: JOBS }, (_, i) => `chaos job ${i}`))
  })
  afterAll(async () => {
    await session?.close().catch(() => undefined)
    await fake?.close()
    await removeDir(parent)
  })

  it(`every one of ${JOBS} jobs ends completed or with a clear typed error, and none creates two tasks`, async () => {
    const record = recorder()
    const engine = engineFor(session, fake, record, { maxConcurrentJobs: 6, timeoutMs: 300 })
    // Every fifth take: "Stop waiting" while it is polled, then "Check again" once the rest are done.
    const stopWaiting = new Set<string>()
    const show = record.events.push.bind(record.events)
    record.events.push = (...items) => {
      for (const { event, payload } of items) {
        const take = (payload as { take?: Take }).take
        const polled = take?.status === 'pending' || take?.status === 'processing'
        if (event !== 'take:updated' || !take || !polled || take.taskId === null || stopWaiting.has(take.id)) continue
        if (session.project().takes.findIndex((candidate) => candidate.id === take.id) % 5 === 0) {
          stopWaiting.add(take.id)
          void engine.cancel(take.id)
        }
      }
      return show(...items)
    }
    for (const clip of session.project().clips) await engine.start(clip.id, `press-${clip.id}`)
    await engine.idle()
    expect(stopWaiting.size).toBeGreaterThan(0)
    for (const takeId of stopWaiting) if (session.project().takes.find((take) => take.id === takeId)?.status === 'stopped') await engine.checkAgain(takeId)
    await engine.idle()

    const video = await readFile(new URL('../fixtures/media/sample.mp4', import.meta.url))
    const endings = new Map<string, number>()
    for (const take of session.project().takes) {
      const ending = take.status === 'completed' ? 'completed' : (take.error?.code ?? `no error (${take.status})`)
      endings.set(ending, (endings.get(ending) ?? 0) + 1)
      if (take.status === 'completed') {
        for (const file of take.files) expect((await readFile(session.takeFilePath(file.fileName ?? '-'))).equals(video)).toBe(true)
        continue
      }
      expect(['failed', 'submit_unknown']).toContain(take.status)
      expect(AppErrorSchema.parse(take.error)).toMatchObject({ message: expect.stringMatching(/\w/), hint: expect.stringMatching(/\w/) })
      expect(explainedEndings.has(take.error!.code), `unexpected ending ${take.error!.code}`).toBe(true)
      if (take.error!.code === 'download_expired') expect(take.taskId !== null && take.files.length > 0).toBe(true)
    }
    expect(session.project().takes).toHaveLength(JOBS)

    // A job is POSTed again only after a 429, an answer that proves no task was made; none makes two tasks.
    const posts = new Map<string, typeof fake.requests>()
    for (const request of fake.submits()) {
      const prompt = (request.body as { prompt?: string }).prompt ?? '?'
      posts.set(prompt, [...(posts.get(prompt) ?? []), request])
    }
    expect(posts.size).toBe(JOBS)
    for (const requests of posts.values()) {
      expect(requests.filter((request) => request.createdTaskId !== undefined).length).toBeLessThanOrEqual(1)
      expect(requests.slice(0, -1).every((request) => request.status === 429)).toBe(true)
    }
    expect(JSON.stringify(record.events) + record.logs.join('\n')).not.toContain(CANARY_KEY)
    console.info(`network-chaos: ${[...endings].map(([ending, count]) => `${ending} ${count}`).join(', ')}; faults injected: ${fake.requests.filter((r) => r.fault).length}`)
  }, 60_000)

  it('a queue of 20 clips at concurrency 4 under the same chaos: every clip ends with exactly one take, none POSTed twice', async () => {
    const queueFake = await startFakeMuleRouter({
      keys: [CANARY_KEY],
      pendingMs: 30,
      processingMs: 40,
      chaos: { seed: SEED + 1, rate: 0.3, kinds: allChaosKinds, delayMs: 50, retryAfterSeconds: 0 },
    })
    const queued = await makeProject(parent, Array.from({ length: 20 }, (_, i) => `queued chaos job ${i}`))
    try {
      const engine = engineFor(queued, queueFake, recorder(), { maxConcurrentJobs: 4, timeoutMs: 300 })
      await engine.enqueue(queued.project().clips.map((clip) => clip.id), 1, 'generate-all')
      await engine.idle()

      const { clips, takes } = queued.project()
      for (const clip of clips) expect(takes.filter((take) => take.clipId === clip.id), `clip "${clip.prompt}"`).toHaveLength(1)
      for (const take of takes) {
        if (take.status === 'completed') continue
        expect(['failed', 'submit_unknown']).toContain(take.status)
        expect(explainedEndings.has(take.error!.code), `unexpected ending ${take.error!.code}`).toBe(true)
      }
      // Only a 429 (no task made) is POSTed again: no prompt reaches MuleRouter twice in a way that could pay twice.
      const paidPosts = new Map<string, number>()
      for (const request of queueFake.submits()) {
        const prompt = (request.body as { prompt?: string }).prompt ?? '?'
        if (request.status !== 429) paidPosts.set(prompt, (paidPosts.get(prompt) ?? 0) + 1)
      }
      for (const [prompt, count] of paidPosts) expect(count, `"${prompt}" POSTed ${count} times`).toBe(1)
      expect(new Set(queueFake.createdTaskIds()).size).toBeLessThanOrEqual(20)
      expect(engine.queueState()).toMatchObject({ queued: 0, running: 0 })
    } finally {
      await queued.close().catch(() => undefined)
      await queueFake.close()
    }
  }, 60_000)

  it('edits and next shots under the same chaos: each ends explained, none POSTed twice in a way that could pay twice', async () => {
    const videoFake = await startFakeMuleRouter({ keys: [CANARY_KEY], pendingMs: 30, processingMs: 40, videoPath: new URL('../fixtures/media/take-4s-720p.mp4', import.meta.url) })
    const project = await makeProject(parent, Array.from({ length: 6 }, (_, i) => `source clip ${i}`))
    try {
      const engine = engineFor(project, videoFake, recorder(), { maxConcurrentJobs: 4, timeoutMs: 300 })
      await engine.enqueue(project.project().clips.map((clip) => clip.id), 1, 'sources')
      await engine.idle()
      videoFake.setChaos({ seed: SEED + 2, rate: 0.3, kinds: allChaosKinds, delayMs: 50, retryAfterSeconds: 0 })
      const sources = project.project().takes.filter((take) => take.status === 'completed')
      expect(sources.length).toBe(6)
      for (const take of sources) {
        await probeTakeVideoFacts(project, take.id, () => undefined)
        const clip = project.project().clips.find((candidate) => candidate.id === take.clipId)!
        const edit = { clipId: clip.id, source: { kind: 'take' as const, takeId: take.id }, instruction: `Snow on ${clip.prompt}`, negativePrompt: '', keepOriginalSound: true, mode: 'pro' as const, referenceImageIds: [], elementIds: [] }
        await engine.edit(edit, `edit-${take.id}`)
        project.applyEdits([{ type: 'addClip', clip: { ...createNextShot(project.project().defaults, clip, take.id, `next-${clip.id}`), prompt: `Next after ${clip.prompt}` } }])
        await engine.start(`next-${clip.id}`, `press-next-${clip.id}`)
      }
      await engine.idle()

      const made = project.project().takes.filter((take) => take.endpoint?.startsWith('video-to-video/'))
      expect(made).toHaveLength(12)
      for (const take of made) {
        if (take.status === 'completed') continue
        expect(['failed', 'submit_unknown']).toContain(take.status)
        expect(explainedEndings.has(take.error!.code), `unexpected ending ${take.error!.code}`).toBe(true)
      }
      const paidPosts = new Map<string, number>()
      for (const request of videoFake.submits().filter((submit) => submit.path.includes('/video-to-video/'))) {
        const prompt = (request.body as { prompt?: string }).prompt ?? '?'
        if (request.status !== 429) paidPosts.set(prompt, (paidPosts.get(prompt) ?? 0) + 1)
      }
      expect(paidPosts.size).toBeGreaterThan(0)
      for (const [prompt, count] of paidPosts) expect(count, `"${prompt}" POSTed ${count} times`).toBe(1)
    } finally {
      await project.close().catch(() => undefined)
      await videoFake.close()
    }
  }, 60_000)
})
