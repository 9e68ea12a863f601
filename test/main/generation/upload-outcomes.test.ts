import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../src/shared/domain/job-progress'
import { canSendAgain } from '../../../src/shared/domain/take-resend'
import { closeWorld, engineFor, openWorld, recorder, takeOf, until, type Recorded, type World } from './harness'

/** Random pixels do not compress: about 4.8 MB of PNG each, so two frames outgrow the loopback socket buffers. */
const noisePng = (seed: number) =>
  sharp(randomBytes(1600 * 1000 * 3), { raw: { width: 1600, height: 1000, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer()
    .then((bytes) => ({ bytes, name: `noise-${seed}.png` }))

let world: World
beforeEach(async () => {
  world = await openWorld(['A tram crosses the bridge at night'])
})
afterEach(() => closeWorld(world))

async function withBigFrames(): Promise<string> {
  const { session } = world
  const [first, last] = await Promise.all([noisePng(1), noisePng(2)])
  const ids = [] as string[]
  for (const image of [first, last]) ids.push((await session.importBytes(image.name, image.bytes)).assets[0]!.id)
  const clipId = session.project().clips[0]!.id
  session.applyEdits([
    { type: 'setFrame', clipId, slot: 'first', assetId: ids[0]! },
    { type: 'setFrame', clipId, slot: 'last', assetId: ids[1]! },
  ])
  await session.saveNow()
  return clipId
}

describe('what a take says when its upload does not go through', () => {
  it('records an upload cut part-way as not sent, offers to send it again, and the resend makes exactly one task', async () => {
    const clipId = await withBigFrames()
    world.fake.failNext('submit', { kind: 'cutUpload', atFraction: 0.2 })
    const engine = engineFor(world.session, world.fake, recorder())
    const take = await engine.start(clipId)
    await engine.idle()
    const cut = takeOf(world.session, take.id)
    expect(cut).toMatchObject({ status: 'failed', taskId: null, error: { code: 'upload_interrupted' } })
    expect(cut.error!.message).toContain('Nothing was charged')
    expect(canSendAgain(cut)).toBe(true)
    expect(world.fake.submits()).toHaveLength(1)

    const again = await engine.resolveUnknown(take.id, 'resubmit')
    await engine.idle()
    expect(takeOf(world.session, again.id).status).toBe('completed')
    expect(takeOf(world.session, take.id).status).toBe('cancelled')
    expect(world.fake.createdTaskIds()).toHaveLength(1)
    expect(world.fake.submits()).toHaveLength(2)
  }, 30_000)

  it('reports bytes sent while uploading, ending at the whole body', async () => {
    const clipId = await withBigFrames()
    const record = recorder()
    const engine = engineFor(world.session, world.fake, record)
    await engine.start(clipId)
    await engine.idle()
    const uploads = record.events.filter((entry) => entry.event === 'job:progress').map((entry) => entry.payload as JobProgress).filter((p) => p.uploadedBytes !== undefined)
    expect(uploads.length).toBeGreaterThan(1)
    const last = uploads.at(-1)!
    expect(last.uploadedBytes).toBe(world.fake.submits()[0]!.bodyBytes)
    expect(last.uploadTotalBytes).toBe(world.fake.submits()[0]!.bodyBytes)
    expect(last.status).toBe('submitting')
  }, 30_000)

  it('asks the user when the whole body went out and no answer came', async () => {
    world.fake.failNext('submit', { kind: 'hang', afterCreate: true })
    const engine = engineFor(world.session, world.fake, recorder(), { timeoutMs: 300 })
    const take = await engine.start(world.session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(world.session, take.id)).toMatchObject({ status: 'submit_unknown', error: { code: 'submit_outcome_unknown' } })
    expect(canSendAgain(takeOf(world.session, take.id))).toBe(false)
    expect(world.fake.submits()).toHaveLength(1)
  })
})

const uploading = (record: Recorded): boolean =>
  record.events.some((entry) => entry.event === 'job:progress' && ((entry.payload as JobProgress).uploadedBytes ?? 0) > 0)

/** A take whose 13 MB body is on its way at 0.5 MB/s, past its first bytes. */
async function uploadingSlowly() {
  const clipId = await withBigFrames()
  world.fake.setFault('submit', { kind: 'throttleUpload', bytesPerSecond: 500_000 })
  const record = recorder()
  // An idle timeout far longer than the test, so only the stop can end the upload early.
  const engine = engineFor(world.session, world.fake, record, { timeoutMs: 60_000 })
  const take = await engine.start(clipId)
  await until(() => uploading(record), 15_000)
  return { engine, take }
}

describe('stopping an upload that has not finished costs nothing', () => {
  it('stops it when the project closes, and the next open sends the take afresh: one task in all', async () => {
    const { engine, take } = await uploadingSlowly()
    const closing = Date.now()
    await engine.dispose()
    expect(Date.now() - closing).toBeLessThan(3_000)
    expect(takeOf(world.session, take.id)).toMatchObject({ status: 'submitting', submittedAt: null, taskId: null })
    expect(world.fake.createdTaskIds()).toHaveLength(0)

    world.fake.setFault('submit', null)
    const next = engineFor(world.session, world.fake, recorder())
    await next.resume()
    await next.idle()
    expect(takeOf(world.session, take.id).status).toBe('completed')
    expect(world.fake.createdTaskIds()).toHaveLength(1)
  }, 60_000)

  it('stops it when the take is cancelled, without a task', async () => {
    const { engine, take } = await uploadingSlowly()
    await engine.cancel(take.id)
    const cancelling = Date.now()
    await engine.idle()
    expect(Date.now() - cancelling).toBeLessThan(3_000)
    expect(takeOf(world.session, take.id).status).toBe('cancelled')
    expect(world.fake.createdTaskIds()).toHaveLength(0)
  }, 60_000)
})

describe('a 429 proves no task was made', () => {
  it('waits out a one-off 429 (honouring Retry-After) and sends again: one task, done', async () => {
    world.fake.failNext('submit', { status: 429, retryAfter: 0 })
    const engine = engineFor(world.session, world.fake, recorder())
    const take = await engine.start(world.session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(world.session, take.id).status).toBe('completed')
    expect(world.fake.submits().map((request) => request.status)).toStrictEqual([429, 200])
    expect(world.fake.createdTaskIds()).toHaveLength(1)
  })

  it('cuts a long Retry-After to the longest wait it honours', async () => {
    world.fake.failNext('submit', { status: 429, retryAfter: 3600 })
    const engine = engineFor(world.session, world.fake, recorder(), { timing: { maxRetryAfterMs: 30 } })
    const started = Date.now()
    const take = await engine.start(world.session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(world.session, take.id).status).toBe('completed')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('keeps a take queued through a long 429 storm, never failed, and sends it once when the storm passes', async () => {
    world.fake.setFault('submit', { status: 429, retryAfter: 0 })
    const engine = engineFor(world.session, world.fake, recorder(), { timing: { rateLimitRetryDelaysMs: [5, 5, 5] } })
    const take = await engine.start(world.session.project().clips[0]!.id)
    await until(() => world.fake.submits().length >= 6)
    expect(takeOf(world.session, take.id)).toMatchObject({ status: 'submitting', taskId: null, error: null })

    world.fake.setFault('submit', null)
    await engine.idle()
    expect(takeOf(world.session, take.id).status).toBe('completed')
    expect(world.fake.createdTaskIds()).toHaveLength(1)
  })
})
