import type { Take } from '../../../shared/domain/project'
import type { JobProgress } from '../../../shared/domain/job-progress'
import type { ImageEncoding } from '../mulerouter/build-request'
import type { MuleRouterClient } from '../mulerouter/client'
import type { ProjectSession } from '../project/project-session'

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
  /** Waits between POSTs answered 429 without a Retry-After; its length is how many 429s are waited out. */
  rateLimitRetryDelaysMs: readonly number[]
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
  rateLimitRetryDelaysMs: [2_000, 5_000, 15_000],
  maxRetryAfterMs: 60_000,
  downloadRetryDelaysMs: [1_000, 3_000, 9_000],
  progressThrottleMs: 250,
}

/** The events the engine sends; the IPC contract declares the same two for the renderer. */
export type EngineEvents = { 'take:updated': { take: Take }; 'job:progress': JobProgress }
export type EngineEvent = keyof EngineEvents
export type Emit = (...args: { [E in EngineEvent]: [event: E, payload: EngineEvents[E]] }[EngineEvent]) => void

export interface GenerationDeps {
  session: ProjectSession
  /** Throws AppErrorException `no_api_key` when no key is set. Called per request so a new key applies at once. */
  client: () => MuleRouterClient
  imageEncoding: () => ImageEncoding
  maxConcurrentJobs: () => number
  emit: Emit
  clock?: Clock
  /** Uniform in [0, 1): poll jitter. */
  random?: () => number
  timing?: Partial<GenerationTiming>
  /** Diagnostics only; never receives the API key (the engine never holds it). */
  log?: (message: string) => void
}

export interface GenerationEngine {
  /**
   * Validates, journals the take as `submitting` and returns it; the POST and everything after run in the
   * background. While it waits for a free slot (maxConcurrentJobs) it stays `submitting` with `submittedAt: null`;
   * `submittedAt` is set just before the POST, so the UI can tell "queued" from "sending". A repeated `actionId`
   * (the same click or key press) is answered with the take it made, never with a second one.
   */
  start(clipId: string, actionId?: string): Promise<Take>
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
