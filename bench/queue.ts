import type { Page } from 'playwright-core'
import { closeBrowser } from '../test/e2e/harness'
import { openBenchPage, type BenchPage } from './browser/bench-page'
import { typeIntoPrompt } from './browser/edit-prompt'
import { ensureRendererBuild } from './browser/ensure-build'
import { openFromWelcome } from './browser/open-timeline'
import { writeStoryboard } from './fixtures/storyboard-project'
import { startFakeServerProcess } from './lib/fake-server-process'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { round } from './lib/stats'

const JOBS = 20
/** Tasks render for ten minutes at the fake server: every job is still running when the typing ends. */
const FAKE_TIMING = { pendingMs: 2_000, processingMs: 600_000 }
const SEND_TIMEOUT_MS = 180_000
const IDLE_WINDOW_MS = 3_000

type TakeCounts = { total: number; rendering: number; failed: number }

// String expressions, so nothing compiled by tsx is sent into the page (as bench-page.ts does).
const invoke = (page: Page, channel: string, payload: unknown): Promise<unknown> =>
  page.evaluate(`window.omniboard.invoke[${JSON.stringify(channel)}](${JSON.stringify(payload)}).then((r) => { if (!r.ok) throw new Error(r.error.message); return r.value })`)

const TAKE_COUNTS = `window.omniboard.invoke['project:read']({}).then((r) => {
  const takes = r.ok && r.value ? r.value.project.takes : []
  return {
    total: takes.length,
    rendering: takes.filter((t) => t.taskId !== null && (t.status === 'pending' || t.status === 'processing')).length,
    failed: takes.filter((t) => t.status === 'failed' || t.status === 'submit_unknown').length,
  }
})`

/** Counts the `job:progress` events that reach the page from now on. */
const COUNT_PROGRESS = `(() => { window.__queueProgress = 0; window.omniboard.on['job:progress'](() => { window.__queueProgress++ }) })()`

type Window<T> = {
  result: T
  ms: number
  stallMs: number
  intervalGapMs: number
  /** Of the longest gap, the main thread's time on a CPU and waiting for one; null where the kernel does not tell. */
  longestGap: { runningMs: number; waitingMs: number } | null
  ownStallMs: number | null
  cpuShare: number
}

/** Runs `work` with the main process's stall trackers on: its longest event-loop delay, and its CPU time over wall time. */
async function measured<T>(bench: BenchPage, work: () => Promise<T>): Promise<Window<T>> {
  const measuring = await bench.harness.measureMain()
  const start = performance.now()
  const result = await work()
  const ms = performance.now() - start
  const stalls = await measuring.stop()
  const orNull = (value: number | null) => (value === null ? null : round(value, 1))
  return {
    result,
    ms,
    stallMs: round(stalls.histogramMaxMs, 1),
    intervalGapMs: round(stalls.intervalMaxGapMs, 1),
    longestGap: stalls.longestGap && { runningMs: round(stalls.longestGap.runningMs, 1), waitingMs: round(stalls.longestGap.waitingMs, 1) },
    ownStallMs: orNull(stalls.ownMaxGapMs),
    cpuShare: round(stalls.cpuShare),
  }
}

async function waitUntilRendering(page: Page): Promise<TakeCounts> {
  const deadline = Date.now() + SEND_TIMEOUT_MS
  for (;;) {
    const counts = (await page.evaluate(TAKE_COUNTS)) as TakeCounts
    if (counts.rendering === JOBS) return counts
    if (counts.failed > 0) throw new Error(`${counts.failed} of the ${JOBS} takes failed before rendering`)
    if (Date.now() > deadline) throw new Error(`only ${counts.rendering} of ${JOBS} takes reached the fake server in ${SEND_TIMEOUT_MS / 1000} s`)
    await page.waitForTimeout(500)
  }
}

/**
 * Issue 12's goal: with 20 jobs running against the fake server, a prompt keystroke renders as quickly as
 * `edit.keystroke` asks and the main process (the harness's main side, in a child process as in Electron) never
 * stalls. 20 clips are generated with `generation:start` at 20 concurrent jobs, then clip 10's prompt
 * is typed into while all 20 tasks render and their polls bring progress events. The same typing with no job
 * running, and an idle window, come first: on a loaded machine they slow down too.
 */
export async function benchQueue(log: (line: string) => void, options: { rebuild: boolean }): Promise<Figure[]> {
  ensureRendererBuild(log, options.rebuild)
  const storyboard = await writeStoryboard({ clips: JOBS, elements: 10 })
  const fake = await startFakeServerProcess(FAKE_TIMING)
  try {
    const bench = await openBenchPage(storyboard)
    try {
      const { page } = bench
      await openFromWelcome(bench, storyboard)
      await invoke(page, 'settings:setApiKey', { key: fake.key, allowInsecureStorage: false, baseUrl: fake.url })
      await invoke(page, 'settings:update', { patch: { baseUrlPreset: 'custom', customBaseUrl: fake.url, maxConcurrentJobs: JOBS } })
      await page.evaluate(COUNT_PROGRESS)
      const idle = await measured(bench, () => page.waitForTimeout(IDLE_WINDOW_MS))
      const quiet = await measured(bench, () => typeIntoPrompt(bench, 10))

      log(`queue: starting ${JOBS} generations against the fake MuleRouter (separate process)…`)
      const clipIds = storyboard.project.clips.map((clip) => clip.id)
      const sending = await measured(bench, async () => {
        await Promise.all(clipIds.map((clipId, i) => invoke(page, 'generation:start', { clipId, actionId: `bench-queue-${i + 1}` })))
        await waitUntilRendering(page)
      })

      log(`queue: all ${JOBS} rendering after ${Math.round(sending.ms)} ms; typing into clip 10’s prompt…`)
      const progressBefore = (await page.evaluate('window.__queueProgress')) as number
      const typing = await measured(bench, () => typeIntoPrompt(bench, 10))
      const progressEvents = ((await page.evaluate('window.__queueProgress')) as number) - progressBefore
      const after = (await page.evaluate(TAKE_COUNTS)) as TakeCounts
      if (after.rendering !== JOBS) throw new Error(`only ${after.rendering} of ${JOBS} takes were still rendering when the typing ended`)
      return queueFigures({ idle, quiet, sending, typing, progressEvents })
    } finally {
      await bench.close()
    }
  } finally {
    await closeBrowser()
    await fake.close()
    await storyboard.dispose()
  }
}

/** The main process's own longest stall; the raw event-loop delay where the kernel cannot tell waiting apart. */
function stallFigure(...windows: Window<unknown>[]): number {
  return Math.max(...windows.map((window) => window.ownStallMs ?? window.stallMs))
}

type Edit = Awaited<ReturnType<typeof typeIntoPrompt>>
type Windows = { idle: Window<void>; quiet: Window<Edit>; sending: Window<void>; typing: Window<Edit>; progressEvents: number }

function queueFigures({ idle, quiet, sending, typing, progressEvents }: Windows): Figure[] {
  const edit = typing.result
  const running = { jobs: JOBS, progressEventsWhileTyping: progressEvents, typingSeconds: round(typing.ms / 1000) }
  return [
    figure(
      {
        id: 'queue.keystroke',
        area: 'queue',
        goal: goalOf('queue.keystroke'),
        measured: edit.medianFirstCommitMs,
        unit: 'ms',
        method:
          `as edit.keystroke, on clip 10 of a ${JOBS}-clip project while ${JOBS} takes render at the fake MuleRouter (maxConcurrentJobs ${JOBS}, ` +
          'polls and progress events flowing): keydown → the React commit that renders the typed character (the first after the keydown), ' +
          'in the page; median. The progress commits that follow it before the next key are reported as lastCommit*.',
        details: {
          ...running,
          withoutJobsMedianMs: quiet.result.medianFirstCommitMs,
          ratioToWithoutJobs: round(edit.medianFirstCommitMs / quiet.result.medianFirstCommitMs),
          p90Ms: edit.p90FirstCommitMs,
          lastCommitMedianMs: edit.medianMs,
          lastCommitWithoutJobsMedianMs: quiet.result.medianMs,
          lastCommitP90Ms: edit.p90Ms,
          lastCommitMaxMs: edit.maxMs,
          medianToNextFrameMs: edit.medianToNextFrameMs,
          timelineComponentsMax: edit.timelineComponentsMax,
        },
      },
      { max: 8 },
    ),
    figure(
      {
        id: 'queue.stall',
        area: 'queue',
        goal: goalOf('queue.stall'),
        measured: stallFigure(sending, typing),
        unit: 'ms',
        method:
          'longest stall of the main process (the harness runs the real main-process code in a child process of its own, as Electron ' +
          `does; Playwright's client stays in the bench's) from the ${JOBS} generation:start calls until every take renders, and while ` +
          "typing: the most CPU time the main thread spent between two ticks of a 1 ms interval (the kernel's per-thread schedstat), i.e. " +
          'how long its own work and garbage collection held the event loop. On this virtual machine, whose two cores Chromium, the fake ' +
          'server and the test driver share, the raw gaps also hold time spent waiting for a CPU or with the machine paused; they are in ' +
          'the details (monitorEventLoopDelay, the longest interval gap and how it was spent).',
        details: {
          ...running,
          sendMs: Math.round(sending.ms),
          ownStallWhileSendingMs: sending.ownStallMs,
          ownStallWhileTypingMs: typing.ownStallMs,
          eventLoopDelayWhileSendingMs: sending.stallMs,
          eventLoopDelayWhileTypingMs: typing.stallMs,
          intervalMaxGapWhileSendingMs: sending.intervalGapMs,
          longestGapWhileSending: sending.longestGap,
          intervalMaxGapWhileTypingMs: typing.intervalGapMs,
          longestGapWhileTyping: typing.longestGap,
          eventLoopDelayIdleMs: idle.stallMs,
          eventLoopDelayTypingWithoutJobsMs: quiet.stallMs,
          ownStallTypingWithoutJobsMs: quiet.ownStallMs,
          // CPU time of this process over wall time: what the jobs cost the main process, whatever the load.
          cpuShareWhileSending: sending.cpuShare,
          cpuShareWhileTyping: typing.cpuShare,
          cpuShareTypingWithoutJobs: quiet.cpuShare,
        },
      },
      { max: 50 },
    ),
  ]
}
