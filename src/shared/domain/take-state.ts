import type { AppError } from '../errors'
import { finalTakeStatuses, isQueuedTake, type Take, type TakeStatus } from './project'

/**
 * The one vocabulary for where a take stands, read the same in the take list, the timeline card, the Queue panel
 * and the title bar. "Queued" is ours and never sent; "Sent" and after are at MuleRouter. A take that waits (for
 * the user, the connection, a budget) is not `busy`: it shows no spinner and no moving bar.
 */

export type StateTone = 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'neutral'
/** `busy`: something moves now (an upload, a render, a download), so a spinner or progress bar is honest. */
export type TakeStateView = { word: string; tone: StateTone; busy: boolean }

/** What the queue and the connection say, beside the take itself. */
export type QueueCondition = {
  paused: boolean
  /** Why the engine paused the queue itself (no credits, a refused key); null when the user paused it. */
  pauseReason: AppError | null
  /** False while MuleRouter cannot be reached: offline, or the last request found it unreachable. */
  connected: boolean
}

const view = (word: string, tone: StateTone, busy = false): TakeStateView => ({ word, tone, busy })

export const takeWords = {
  queued: view('Queued', 'info'),
  paused: view('Paused', 'neutral'),
  pausedByMuleRouter: view('Paused', 'warning'),
  waitingForConnection: view('Waiting for connection', 'warning'),
  heldByBudget: view('Held: budget', 'warning'),
  heldToFix: view('Held: needs a fix', 'danger'),
  refused: view('Refused by Kling', 'danger'),
} as const

const byStatus: Record<TakeStatus, TakeStateView> = {
  submitting: view('Uploading', 'info', true),
  // At MuleRouter, in its own line before the render starts: sent (maybe charged), unlike our "Queued".
  pending: view('Sent', 'info', true),
  processing: view('Generating', 'accent', true),
  downloading: view('Downloading', 'accent', true),
  submit_unknown: view('Unconfirmed', 'warning'),
  completed: view('Done', 'success'),
  failed: view('Failed', 'danger'),
  cancelled: view('Cancelled', 'neutral'),
  stopped: view('Not followed', 'warning'),
}

/** A take's word by its status alone, ignoring holds, the queue and the connection. */
export const takeStatusWord = (status: TakeStatus): string => byStatus[status].word

const pausedView = (condition: QueueCondition): TakeStateView => (condition.pauseReason ? takeWords.pausedByMuleRouter : takeWords.paused)

/** What the queue and connection alone say of a take not sent yet, or null when nothing holds it. */
function heldBackView(condition: QueueCondition): TakeStateView | null {
  if (!condition.connected) return takeWords.waitingForConnection
  return condition.paused ? pausedView(condition) : null
}

/** A failed take Kling would not make for its content: sent unchanged, it would be refused again. */
export const isRefusedTake = (take: Pick<Take, 'status' | 'error'>): boolean => take.status === 'failed' && take.error?.code === 'task_refused'

/** The take's word, tone and whether it moves, from the take and where the queue and connection stand. */
export function takeStateOf(take: Take, condition: QueueCondition): TakeStateView {
  if (isQueuedTake(take)) {
    if (take.hold?.reason === 'budget') return takeWords.heldByBudget
    if (take.hold?.reason === 'invalid') return takeWords.heldToFix
    return heldBackView(condition) ?? takeWords.queued
  }
  const state = byStatus[take.status]
  // Sent and still followed, but nothing can be heard from MuleRouter until it answers again: the whole app is
  // cut off, or this take's last poll or download could not reach it (the engine keeps trying).
  if (state.busy && (!condition.connected || take.error?.code === 'network_offline')) return takeWords.waitingForConnection
  if (isRefusedTake(take)) return takeWords.refused
  return state
}

const openStates = (takes: readonly Take[], condition: QueueCondition): TakeStateView[] =>
  takes.filter((take) => !finalTakeStatuses.includes(take.status)).map((take) => takeStateOf(take, condition))

/**
 * The queue's own word for the title bar, or null when nothing holds it: *Waiting for connection* while some take
 * waits for it (with no take out or queued there is nothing waiting), else *Paused* while the queue is paused.
 */
export function queueHoldView(takes: readonly Take[], condition: QueueCondition): TakeStateView | null {
  if (openStates(takes, condition).includes(takeWords.waitingForConnection)) return takeWords.waitingForConnection
  return condition.paused ? pausedView(condition) : null
}

/**
 * The word a timeline card shows for its clip's takes that have not ended: a moving one first (so a running
 * take is never hidden behind a queued one), else the newest waiting one; null when every take has ended.
 */
export function clipTakeStateOf(takes: readonly Take[], condition: QueueCondition): TakeStateView | null {
  const open = openStates(takes, condition)
  return open.find((state) => state.busy) ?? open.at(-1) ?? null
}
