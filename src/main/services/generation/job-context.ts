// What the engine hands each phase of one take's job (submit, poll, download), and the helpers those phases share.
import type { Take, TakeStatus } from '../../../shared/domain/project'
import { appError, isAppErrorException, type AppError } from '../../../shared/errors'
import type { MuleRouterClient } from '../mulerouter/client'
import type { AssetReader } from '../mulerouter/request-body'
import type { ProjectSession } from '../project/project-session'
import type PQueue from 'p-queue'
import type { Clock, GenerationDeps, GenerationTiming } from './engine-deps'
import type { JobSlots } from './job-slots'
import type { LedgerBook } from './ledger-book'
import type { SendPolicy } from './send-policy'
import type { NetworkGate } from './network-gate'
import type { ProgressBytes } from './progress'
import type { TakeJournal } from './take-journal'
import type { VideoUrlChecker } from '../web-video/check-video-url'

/** What each phase of a job (submit, poll, download) needs from the engine. */
export interface JobContext {
  session: ProjectSession
  journal: TakeJournal
  client: () => MuleRouterClient
  imageEncoding: () => 'raw' | 'dataUri'
  readAsset: AssetReader
  gate: NetworkGate
  slots: JobSlots
  policy: SendPolicy
  limit: () => number
  /** What a send is checked against: the ledger, the caps and the prices of the moment. */
  money: Pick<GenerationDeps, 'ledger' | 'budgets' | 'prices'>
  book: LedgerBook
  /** Send-time budget checks run one at a time, so two takes cannot both fit the last dollar of a cap. */
  checks: PQueue
  timing: GenerationTiming
  clock: Clock
  random: () => number
  /** Names chosen for videos still downloading, so two takes finishing together never pick the same one. */
  reservedFileNames: Set<string>
  /** Checks a user's video link again just before a take that uses it is sent. */
  videoUrls: VideoUrlChecker
  progress(take: Take, bytes?: ProgressBytes): void
  log(message: string): void
}

/** One take being worked on. `signal` aborts on cancel (the take says cancelled) and on dispose (it does not). */
export interface Job {
  takeId: string
  controller: AbortController
  /** True once the job counts against the concurrency limit. */
  holdsSlot: boolean
}

export function asAppError(error: unknown, log: (message: string) => void): AppError {
  if (isAppErrorException(error)) return error.error
  log(`unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`)
  return appError('internal', 'Something went wrong inside Omniboard.', 'Try again; if it keeps happening, restart Omniboard.')
}

const processingWords = new Set(['processing', 'running'])

/** The take status for a remote status word; unknown words keep the take where it was. */
export function takeStatusForRemote(kind: 'in_progress' | 'succeeded' | 'failed', word: string, current: TakeStatus): TakeStatus {
  if (kind === 'succeeded') return 'downloading'
  if (kind === 'failed') return 'failed'
  const normalized = word.trim().toLowerCase()
  if (processingWords.has(normalized)) return 'processing'
  if (normalized === 'pending' || normalized === 'queued') return 'pending'
  return current === 'submitting' ? 'pending' : current
}
