import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import { closeWorld, engineFor, openWorld, recorder, startFake, takeOf, until } from './harness'

const fixtureVideo = () => readFile(new URL('../../fixtures/media/sample.mp4', import.meta.url))

describe('generation engine against the fake MuleRouter', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession

  beforeEach(async () => {
    ({ dir, fake, session } = await openWorld())
  })
  afterEach(() => closeWorld({ dir, fake, session }))

  it('journals the take before the POST, polls through every status and saves the video into takes/', async () => {
    await fake.close()
    fake = await startFake({ clock: 'manual', pendingMs: 1_000, processingMs: 1_000 })
    const record = recorder()
    const engine = engineFor(session, fake, record)
    const clip = session.project().clips[0]!
    session.applyEdits([{ type: 'updateClip', clipId: clip.id, patch: { title: 'Harbour at Dawn!' } }])
    const take = await engine.start(clip.id)
    expect(take.status).toBe('submitting')
    expect(take.request).toMatchObject({ prompt: 'A red kite over a grey sea', duration: 5, mode: 'pro' })
    const onDisk = JSON.parse(await readFile(`${session.dir}/project.json`, 'utf8')) as { takes: { id: string }[] }
    expect(onDisk.takes.map((saved) => saved.id)).toContain(take.id)

    await until(() => takeOf(session, take.id).status === 'pending')
    fake.advance(1_000)
    await until(() => takeOf(session, take.id).status === 'processing')
    fake.advance(1_000)
    await engine.idle()
    const done = takeOf(session, take.id)
    expect(record.statuses(take.id)).toEqual(['submitting', 'pending', 'processing', 'downloading', 'completed'])
    expect(done).toMatchObject({ status: 'completed', error: null, remoteStatus: 'completed' })
    expect(done.taskId).toBe(fake.createdTaskIds()[0])
    expect(done.finishedAt).not.toBeNull()
    const video = await fixtureVideo()
    // Named for a person browsing the folder: clip number, clip title, take number.
    expect(done.files).toEqual([{ index: 0, url: expect.any(String), fileName: '01-harbour-at-dawn-take1.mp4', bytes: video.length }])
    expect(await readFile(session.takeFilePath('01-harbour-at-dawn-take1.mp4'))).toEqual(video)
    expect(await readdir(path.dirname(session.takeFilePath('x')))).toEqual(['01-harbour-at-dawn-take1.mp4'])
    expect(fake.submits()).toHaveLength(1)
    expect(fake.submits()[0]?.body).toEqual({ prompt: 'A red kite over a grey sea', duration: 5, mode: 'pro', aspect_ratio: '16:9', sound: 'off' })
    const progress = record.events.filter((entry) => entry.event === 'job:progress').map((entry) => entry.payload as { downloadedBytes: number | null })
    expect(progress.some((entry) => entry.downloadedBytes === video.length)).toBe(true)
  })

  it('records a task that failed with its code, title and detail in plain words', async () => {
    fake.failNextTask({ code: 3003, title: 'Content rejected', detail: 'The prompt was refused by the provider.' })
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const failed = takeOf(session, take.id)
    expect(failed.status).toBe('failed')
    expect(failed.error?.code).toBe('task_failed')
    expect(failed.error?.message).toContain('3003')
    expect(failed.error?.message).toContain('The prompt was refused by the provider.')
    expect(failed.taskId).not.toBeNull()
  })

  it('keeps polling through 429, 500 and a malformed answer, showing the last error, then completes', async () => {
    fake.failNext('get', { status: 429, retryAfter: 0 })
    fake.failNext('get', { status: 500 })
    fake.failNext('get', { kind: 'malformed' })
    const record = recorder()
    const engine = engineFor(session, fake, record)
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'completed', error: null })
    const shownErrors = record.events
      .filter((entry) => entry.event === 'take:updated')
      .map((entry) => (entry.payload as { take: { error: { code: string } | null } }).take.error?.code)
      .filter(Boolean)
    expect(shownErrors).toEqual(expect.arrayContaining(['api_rate_limited', 'api_server_error', 'api_malformed']))
    expect(fake.submits()).toHaveLength(1)
  })

  it('reports an expired result link as such and keeps the task id and URL on the take', async () => {
    fake.failNext('download', { kind: 'expired' })
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const expired = takeOf(session, take.id)
    expect(expired.status).toBe('failed')
    expect(expired.error?.code).toBe('download_expired')
    expect(expired.taskId).toBe(fake.createdTaskIds()[0])
    expect(expired.files[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
  })

  it('picks a download up again after the connection breaks mid-file and completes it intact', async () => {
    fake.failNext('download', { kind: 'resetMidBody' }, 2)
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    const done = takeOf(session, take.id)
    expect(done.status).toBe('completed')
    expect(await readFile(session.takeFilePath(done.files[0]!.fileName!))).toEqual(await fixtureVideo())
  })

  it('"Stop waiting" after the POST keeps the task id; "Check again" later fetches the paid result without a second POST', async () => {
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await until(() => takeOf(session, take.id).taskId !== null)
    const stopped = await engine.cancel(take.id)
    expect(stopped.status).toBe('stopped')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await engine.idle()
    expect(takeOf(session, take.id)).toMatchObject({ status: 'stopped', taskId: fake.createdTaskIds()[0] })
    expect(fake.requests.filter((request) => request.route === 'download')).toHaveLength(0)

    expect((await engine.checkAgain(take.id)).status).toBe('pending')
    await engine.idle()
    const done = takeOf(session, take.id)
    expect(done.status).toBe('completed')
    expect((await readFile(session.takeFilePath(done.files[0]!.fileName!))).equals(await fixtureVideo())).toBe(true)
    expect(fake.submits()).toHaveLength(1)
  })
})
