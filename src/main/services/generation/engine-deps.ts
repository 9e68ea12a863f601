// The generation engine's outline: what it is given (GenerationDeps, timing, clock), the events it emits, and what it offers.
import type { EditRequest } from '../../../shared/domain/edit-request'
import type { Take } from '../../../shared/domain/project'
import type { JobProgress } from '../../../shared/domain/job-progress'
import type { BudgetCaps, QueuePlan, QueueState } from '../../../shared/domain/spend'
import type { Prices } from '../../../shared/settings'
import type { SpendLedger } from '../ledger/spend-ledger'
import type { ImageEncoding } from '../mulerouter/build-request'
import type { MuleRouterClient } from '../mulerouter/client'
import type { ProjectSession } from '../project/project-session'
import type { VideoUrlChecker } from '../web-video/check-video-url'

/** Timers behind an interface so tests can drive them; `systemClock` is the real one. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface GenerationTiming {
  /** The first GET comes soon so a quick failure shows at once … */
  firstPollMs: number
  /** … then the gap grows by this factor up to maxPollMs (the official client's 20 s). */
  pollBackoff: number
  maxPollMs: number
  /** Each poll wait is stretched or shrunk by up to this fraction at random. */
  pollJitter: number
  /** A job that has polled this long without a result stops following the take ("Check again" resumes it). */
  maxFollowMs: number
  /** Waits between POST attempts that provably never left this machine; its length is the retry count. */
  submitRetryDelaysMs: readonly number[]
  /** Nothing new is sent this long after a 429 without a Retry-After, growing with each 429 in a row (the last repeats). */
  rateLimitRetryDelaysMs: readonly number[]
  /** After a 429 the concurrency is halved; it steps back up by one after each such quiet spell. */
  rateLimitRecoveryMs: number
  /** Once MuleRouter could not be reached, queued takes wait this long before one is tried again (the last repeats). */
  reconnectDelaysMs: readonly number[]
  /** The longest Retry-After honoured before sending again; a longer one is cut to this. */
  maxRetryAfterMs: number
  /** Waits between download attempts after a reset or a server error. */
  downloadRetryDelaysMs: readonly number[]
  /** Download progress events are at most this frequent, so IPC is not flooded chunk by chunk. */
  progressThrottleMs: number
}

export const defaultTiming: GenerationTiming = {
  firstPollMs: 3_000,
  pollBackoff: 1.5,
  maxPollMs: 20_000,
  pollJitter: 0.1,
  maxFollowMs: 60 * 60_000,
  submitRetryDelaysMs: [1_000, 3_000, 9_000],
  rateLimitRetryDelaysMs: [2_000, 5_000, 15_000, 30_000],
  rateLimitRecoveryMs: 30_000,
  reconnectDelaysMs: [5_000, 10_000, 20_000, 40_000, 60_000],
  maxRetryAfterMs: 60_000,
  downloadRetryDelaysMs: [1_000, 3_000, 9_000],
  progressThrottleMs: 250,
}

/** The events the engine sends; the IPC contract declares the same ones for the renderer. */
export type EngineEvents = { 'take:updated': { take: Take }; 'job:progress': JobProgress; 'queue:state': QueueState }
export type EngineEvent = keyof EngineEvents
export type Emit = (...args: { [E in EngineEvent]: [event: E, payload: EngineEvents[E]] }[EngineEvent]) => void

export interface GenerationDeps {
  session: ProjectSession
  /** Throws AppErrorException `no_api_key` when no key is set. Called per request so a new key applies at once. */
  client: () => MuleRouterClient
  imageEncoding: () => ImageEncoding
  maxConcurrentJobs: () => number
  emit: Emit
  /** The app-wide record of queued and sent takes that budgets are counted from (shared with the CLI). */
  ledger: SpendLedger
  /** The app-wide daily and monthly caps, read each time a plan or a send is checked. */
  budgets: () => BudgetCaps
  /** The user's rates, read when a take is queued and again just before it is sent. */
  prices: () => Prices
  clock?: Clock
  /** Uniform in [0, 1): poll jitter. */
  random?: () => number
  timing?: Partial<GenerationTiming>
  /** Diagnostics only; never receives the API key (the engine never holds it). */
  log?: (message: string) => void
  /** How a user's video link is checked (default: https only, public addresses); tests use loopback. */
  checkVideoUrl?: VideoUrlChecker
}

export interface GenerationEngine {
  /** `enqueue` of one take of one clip. */
  start(clipId: string, actionId?: string): Promise<Take>
  /**
   * Queues an edit of a video as a new take of its clip (video-to-video/edit), checked like `enqueue` (pre-flight,
   * budgets) and journaled with its lineage before anything is sent. A repeated `actionId` answers with its take.
   */
  edit(request: EditRequest, actionId: string): Promise<Take>
  /** What that edit would cost (billed by its source's length) and leave of each budget; nothing is queued. */
  planEdit(request: EditRequest): Promise<QueuePlan>
  /** What queueing these clips would cost and leave of each budget; nothing is queued. */
  plan(clipIds: readonly string[], takesPerClip: number): Promise<QueuePlan>
  /**
   * Validates every clip and checks the budgets (all or nothing: `clip_invalid`, `budget_exceeded`), then journals
   * `takesPerClip` takes of each as `submitting` with `submittedAt: null` (queued) and returns them; the POSTs run in
   * the background in queue order. `submittedAt` is set just before a take's POST, so the UI can tell "queued" from
   * "sending". A repeated `actionId` (the same click or key press) is answered with the takes it made.
   */
  enqueue(clipIds: readonly string[], takesPerClip: number, actionId?: string): Promise<Take[]>
  /** The queued takes named go next, in this order; the others keep their order after them. */
  reorder(takeIds: readonly string[]): Promise<QueueState>
  /** Paused sends nothing new (what is out carries on); saved in the project, so it holds across restarts. */
  setPaused(paused: boolean): Promise<QueueState>
  queueState(): QueueState
  /** Held takes are checked again (call after a cap, a budget or the prices changed) and go if they now pass. */
  recheckHolds(): void
  /** After `maxConcurrentJobs` changed: waiting takes get the slots a raised limit frees, and the queue state says so. */
  limitChanged(): void
  /** The user's answer to "we cannot tell whether this was created": a new paid take, or forget it. */
  resolveUnknown(takeId: string, action: 'resubmit' | 'dismiss'): Promise<Take>
  /**
   * Before the POST: cancels, nothing is sent. After it: stops waiting (the API has no cancel; the task still runs
   * and is charged), keeping the task id so `checkAgain` can fetch the result later.
   */
  cancel(takeId: string): Promise<Take>
  /** Asks MuleRouter again about a take no longer followed or whose download failed, and downloads its videos. */
  checkAgain(takeId: string): Promise<Take>
  /**
   * Picks up every take that is not final (call once the project is open). Resolves once each take has been
   * looked at and handed to a job (not when the jobs finish); callers that only fire and forget may ignore it.
   */
  resume(): Promise<void>
  /** Offline pauses every wait; going online wakes them at once. */
  setOnline(online: boolean): void
  /** Resolves when no job is queued or running. */
  idle(): Promise<void>
  /** Stops every job without changing any take, so they resume next time. Call before closing the session. */
  dispose(): Promise<void>
}
