import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileProjectSession } from '../../../src/main/services/project/file-project-session'
import { isQueuedTake } from '../../../src/shared/domain/project'
import type { BudgetCaps } from '../../../src/shared/domain/spend'
import { pngOf } from '../images/test-images'
import { engineFor, ledgerBeside, recorder, refusal, reopen, takeOf, testPrices, until, useWorld } from './harness'

const prompts = ['One red kite', 'Two grey gulls', 'Three blue boats', 'Four green hills']
const world = useWorld(prompts)
const clipIds = () => world.session.project().clips.map((clip) => clip.id)
const postedPrompts = () => world.fake.submits().map((request) => (request.body as { prompt: string }).prompt)
const ledgerRows = async () => new Map((await ledgerBeside(world.session).rows()).map((row) => [row.takeId, row]))

describe('the production queue', () => {
  it('sends queued takes in queue order, and a reorder changes what goes next', async () => {
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await engine.setPaused(true)
    const takes = await engine.enqueue(clipIds(), 1, 'action-order')
    expect(takes.map((take) => take.queuePosition)).toEqual([1, 2, 3, 4])
    expect(engine.queueState()).toMatchObject({ paused: true, queued: 4, running: 0 })

    await engine.reorder([takes[2]!.id, takes[0]!.id])
    await engine.setPaused(false)
    await engine.idle()
    expect(postedPrompts()).toEqual(['Three blue boats', 'One red kite', 'Two grey gulls', 'Four green hills'])
    expect(world.session.project().takes.map((take) => take.status)).toEqual(['completed', 'completed', 'completed', 'completed'])
  })

  it('answers a repeat of the action with the same takes, several of each clip when asked', async () => {
    const engine = engineFor(world.session, world.fake, recorder())
    await engine.setPaused(true)
    const [first, again] = await Promise.all([engine.enqueue(clipIds().slice(0, 2), 3, 'action-three'), engine.enqueue(clipIds().slice(0, 2), 3, 'action-three')])
    expect(first).toHaveLength(6)
    expect(again!.map((take) => take.id)).toEqual(first!.map((take) => take.id))
    expect((await engine.enqueue(clipIds().slice(0, 2), 3, 'action-three')).map((take) => take.id)).toEqual(first!.map((take) => take.id))
    expect(world.session.project().takes).toHaveLength(6)
    await engine.dispose()
  })

  it('keeps a paused queue paused after the project is reopened, and sends it in order once resumed', async () => {
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await engine.setPaused(true)
    await engine.enqueue(clipIds().slice(0, 2), 1, 'action-pause')
    await engine.dispose()
    await world.session.close()

    world.session = await reopen(world.session.dir)
    const next = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1 })
    await next.resume()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(next.queueState()).toMatchObject({ paused: true, queued: 2 })
    expect(world.fake.submits()).toHaveLength(0)

    await next.setPaused(false)
    await next.idle()
    expect(postedPrompts()).toEqual(['One red kite', 'Two grey gulls'])
  })

  it('cancels a queued take without sending it, and its ledger row says never sent', async () => {
    const engine = engineFor(world.session, world.fake, recorder())
    await engine.setPaused(true)
    const [kept, cancelled] = await engine.enqueue(clipIds().slice(0, 2), 1, 'action-cancel')
    expect((await ledgerRows()).get(cancelled!.id)?.status).toBe('queued')
    await engine.cancel(cancelled!.id)
    await engine.setPaused(false)
    await engine.idle()

    expect(takeOf(world.session, cancelled!.id).status).toBe('cancelled')
    expect(postedPrompts()).toEqual(['One red kite'])
    const rows = await ledgerRows()
    expect(rows.get(cancelled!.id)?.status).toBe('never_sent')
    expect(rows.get(kept!.id)).toMatchObject({ status: 'completed', estimateUsd: 0.56, sentAt: takeOf(world.session, kept!.id).submittedAt })
  })

  it('refuses a queue that would pass a budget before journaling or sending anything', async () => {
    const engine = engineFor(world.session, world.fake, recorder(), { budgets: { dailyUsd: 1, monthlyUsd: null } })
    const plan = await engine.plan(clipIds().slice(0, 2), 1)
    expect(plan).toMatchObject({ clipCount: 2, takeCount: 2, totalUsd: 1.12, budgets: [{ scope: 'day', capUsd: 1, committedUsd: 0, leftAfterUsd: -0.12 }] })

    const failure = await engine.enqueue(clipIds().slice(0, 2), 1, 'action-over').catch((error: { error: unknown }) => error.error)
    expect(failure).toMatchObject({ code: 'budget_exceeded', message: "2 clips · ≈ $1.12 would pass today's $1.00 budget by $0.12." })
    expect(world.session.project().takes).toHaveLength(0)
    expect(await ledgerRows()).toEqual(new Map())
    expect(world.fake.requests).toHaveLength(0)
  })

  it('refuses the whole queue when one clip is invalid, naming its place on the timeline', async () => {
    const engine = engineFor(world.session, world.fake, recorder())
    world.session.applyEdits([{ type: 'updateClip', clipId: clipIds()[2]!, patch: { prompt: '' } }])
    expect(await refusal(engine.enqueue(clipIds(), 1, 'action-invalid'))).toBe('clip_invalid')
    const failure = await engine.enqueue(clipIds(), 1, 'action-invalid').catch((error: { error: { message: string } }) => error.error.message)
    expect(failure).toMatch(/^Clip 3 cannot be generated yet/)
    expect(world.session.project().takes).toHaveLength(0)
  })

  it('holds a take whose send would pass a cap lowered after queueing, and sends it once the cap is raised', async () => {
    const caps: BudgetCaps = { dailyUsd: 5, monthlyUsd: null }
    const engine = engineFor(world.session, world.fake, recorder(), { maxConcurrentJobs: 1, budgets: caps })
    await engine.setPaused(true)
    const [first, second] = await engine.enqueue(clipIds().slice(0, 2), 1, 'action-held')
    caps.dailyUsd = 0.6
    await engine.setPaused(false)
    await until(() => takeOf(world.session, second!.id).hold != null)

    const held = takeOf(world.session, second!.id)
    expect(isQueuedTake(held)).toBe(true)
    expect(held.hold).toMatchObject({ reason: 'budget', error: { code: 'budget_exceeded', message: expect.stringContaining("pass today's $0.60 budget by $0.52") } })
    await until(() => takeOf(world.session, first!.id).status === 'completed')
    expect(engine.queueState()).toMatchObject({ queued: 1, held: 1 })
    expect(postedPrompts()).toEqual(['One red kite'])

    caps.dailyUsd = 2
    engine.recheckHolds()
    await engine.idle()
    expect(takeOf(world.session, second!.id)).toMatchObject({ status: 'completed', hold: null })
    expect(postedPrompts()).toEqual(['One red kite', 'Two grey gulls'])
  })

  it('refreshes the estimate with the prices of the moment it is sent, and its ledger row with it', async () => {
    const prices = { ...testPrices }
    const engine = engineFor(world.session, world.fake, recorder(), { prices })
    await engine.setPaused(true)
    const [take] = await engine.enqueue(clipIds().slice(0, 1), 1, 'action-prices')
    expect(take!.estimate).toMatchObject({ usd: 0.56, ratePerSecond: 0.112, seconds: 5, mode: 'pro', sound: 'off' })
    prices.proPerSecond = 0.2
    await engine.setPaused(false)
    await engine.idle()

    expect(takeOf(world.session, take!.id).estimate).toMatchObject({ usd: 1, ratePerSecond: 0.2 })
    expect((await ledgerRows()).get(take!.id)).toMatchObject({ status: 'completed', estimateUsd: 1, ratePerSecond: 0.2 })
  })

  it('holds a queued take whose image is gone by the time it is sent, as invalid, and sends nothing', async () => {
    const clipId = clipIds()[0]!
    const { assets } = await world.session.importBytes('frame.png', await pngOf(640, 360, 1))
    world.session.applyEdits([{ type: 'setFrame', clipId, slot: 'first', assetId: assets[0]!.id }])
    const engine = engineFor(world.session, world.fake, recorder())
    await engine.setPaused(true)
    const [take] = await engine.enqueue([clipId], 1, 'action-image-gone')

    // Another program rewrites the project without the image; the user takes its version.
    const file = path.join(world.session.dir, 'project.json')
    const theirs = JSON.parse(await readFile(file, 'utf8')) as { assets: unknown[]; clips: { firstFrameAssetId: string | null }[] }
    theirs.assets = []
    theirs.clips[0]!.firstFrameAssetId = null
    await writeFile(file, JSON.stringify(theirs))
    await (world.session as FileProjectSession).reloadFromDisk()
    await engine.setPaused(false)
    await until(() => takeOf(world.session, take!.id).hold != null)

    expect(takeOf(world.session, take!.id)).toMatchObject({ status: 'submitting', submittedAt: null, hold: { reason: 'invalid', error: { code: 'clip_invalid' } } })
    expect(engine.queueState()).toMatchObject({ queued: 1, held: 1 })
    expect(world.fake.requests).toHaveLength(0)
    await engine.dispose()
  })
})
