/**
 * The process the kill-anywhere suite SIGKILLs: it opens the project, resumes whatever the last run left, checks
 * again the takes a user stopped waiting for, and starts every clip that has no take yet (one action id per
 * clip), exactly as the app would. With a chaos seed it also stops waiting for some takes mid-poll and fails
 * some saves of project.json the way a full disk does. With `queue` instead of a seed it queues every clip that has
 * no take yet in one action at concurrency 4, as Generate all does, and disturbs nothing else. With `edits`, once the
 * clips' takes are done it edits each finished take ("Add falling snow") and adds and starts a next shot from it, with
 * the same action ids every run, as repeated clicks would.
 * argv: <project-dir> <base-url> <key> [<chaos-seed> | queue | edits]; without either nothing is disturbed.
 */
import path from 'node:path'
import { seededRandom } from '../../src/fake-mulerouter'
import { createGenerationEngine } from '../../src/main/services/generation'
import { createMuleRouterClient } from '../../src/main/services/mulerouter/client'
import { createFileSpendLedger } from '../../src/main/services/ledger/spend-ledger'
import { nodeDurableFs, type DurableFs } from '../../src/main/services/disk/atomic-write'
import { openProjectSession } from '../../src/main/services/project/open-project'
import { newId } from '../../src/shared/domain/ids'
import type { Take } from '../../src/shared/domain/project'
import { noBudgetCaps } from '../../src/shared/domain/spend'
import { defaultSettings } from '../../src/shared/settings'
import { createNextShot } from '../../src/shared/domain/create'
import { probeTakeVideoFacts } from '../../src/main/services/media/take-video-facts'

const [dir, baseUrl, key, seed] = process.argv.slice(2)
if (!dir || !baseUrl || !key) throw new Error('usage: kill-anywhere-child <project-dir> <base-url> <key> [<chaos-seed>]')
const queueAll = seed === 'queue'
const edits = seed === 'edits'
const random = seed === undefined || queueAll || edits ? null : seededRandom(Number(seed))

/** One save in ten of project.json fails before anything is written, as ENOSPC would. */
const disk: DurableFs = {
  ...nodeDurableFs,
  async createExclusive(filePath) {
    if (random !== null && path.basename(filePath).startsWith('project.json') && random() < 0.1) {
      throw Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' })
    }
    return nodeDurableFs.createExclusive(filePath)
  },
}

const session = await openProjectSession(dir, { now: () => new Date(), newId: () => newId(), autosaveDelayMs: 5, disk })
const stoppedOnce = new Set<string>()
const engine = createGenerationEngine({
  session,
  client: () => createMuleRouterClient({ baseUrl, apiKey: () => key, timeoutMs: 2_000, userAgent: 'Omniboard/kill-test' }),
  imageEncoding: () => 'raw',
  maxConcurrentJobs: () => (queueAll ? 4 : 2),
  ledger: createFileSpendLedger(path.join(path.dirname(dir), 'spend-ledger.jsonl')),
  budgets: () => noBudgetCaps,
  prices: () => defaultSettings('/unused').prices,
  emit: (event, payload) => {
    if (event !== 'take:updated' || random === null) return
    const { take } = payload as { take: Take }
    // "Stop waiting" clicked while the take is being polled, once per take at most.
    if (take.status === 'processing' && !stoppedOnce.has(take.id) && random() < 0.3) {
      stoppedOnce.add(take.id)
      void engine.cancel(take.id).catch(() => undefined)
    }
  },
  timing: { firstPollMs: 15, pollBackoff: 1.5, maxPollMs: 40, submitRetryDelaysMs: [10, 20], downloadRetryDelaysMs: [10, 20, 40], progressThrottleMs: 50 },
})
await engine.resume()
process.stdout.write('ready\n')
for (const take of session.project().takes) {
  if (take.status === 'stopped' && take.taskId !== null) await engine.checkAgain(take.id).catch(() => undefined)
}
const untaken = session.project().clips.filter((clip) => !session.project().takes.some((take) => take.clipId === clip.id))
// A queue that could not be journaled sent nothing; its clips keep no take and are queued next run.
if (queueAll && untaken.length > 0) await engine.enqueue(untaken.map((clip) => clip.id), 1, newId()).catch(() => undefined)
for (const clip of queueAll ? [] : untaken) {
  // A refused start (its journal save failed) sent nothing; the clip keeps no take and is tried next run.
  await engine.start(clip.id, `press-${clip.id}`).catch(() => undefined)
  await new Promise((resolve) => setTimeout(resolve, 15))
}
await engine.idle()
if (edits) await editAndContinue()
await engine.idle()
await engine.dispose()
await session.close().catch(() => undefined)
process.stdout.write('done\n')

/** Each finished take of a first-generation clip: one edit of it and one next shot from it, by fixed action ids. */
async function editAndContinue(): Promise<void> {
  const project = session.project()
  for (const take of project.takes.filter((candidate) => candidate.status === 'completed' && !candidate.edit)) {
    const clip = project.clips.find((candidate) => candidate.id === take.clipId)
    if (!clip || clip.videoReference) continue
    await probeTakeVideoFacts(session, take.id, () => undefined).catch(() => undefined)
    const edit = { clipId: clip.id, source: { kind: 'take' as const, takeId: take.id }, instruction: `Add falling snow to ${clip.prompt}`, negativePrompt: '', keepOriginalSound: false, mode: 'std' as const, referenceImageIds: [], elementIds: [] }
    await engine.edit(edit, `edit-${take.id}`).catch(() => undefined)
    const nextId = `next-${clip.id}`
    session.applyEdits([{ type: 'addClip', clip: { ...createNextShot(project.defaults, clip, take.id, nextId), prompt: `next shot of ${clip.prompt}` } }])
    await engine.start(nextId, `press-${nextId}`).catch(() => undefined)
  }
}
