import type { EventName, EventPayload } from '../../shared/ipc/contract'
import { finalTakeStatuses } from '../../shared/domain/project'

export type AttentionNotice = { title: string; body: string; onClick: () => void }

export type AttentionDeps = {
  /** The dock/taskbar progress bar: 0–1, or -1 to remove it. */
  setProgress(value: number): void
  /** The macOS dock badge: the number of running takes (0 clears it). */
  setBadge(count: number): void
  notify(notice: AttentionNotice): void
  isWindowFocused(): boolean
  showClip(clipId: string): void
  showFile(path: string): void
  showWindow(): void
}

/** `total`: the takes ended so far plus those the last queue state still counted (it lags the take updates). */
type Batch = { total: number; finished: Set<string>; failed: number; lastClipId: string | null }

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * Follows the engine's and the exporter's events to show progress outside the window: the progress bar (an
 * export's fraction while one runs, else the share of this batch of takes that has ended), the count of running
 * takes on the dock, and a notification when a batch or an export ends while the user is looking elsewhere.
 */
export function createAttention(deps: AttentionDeps) {
  let batch: Batch | null = null
  let exportFraction: number | null = null
  let shown: number | null = null

  function showProgress(): void {
    const value = exportFraction ?? (batch ? Math.min(1, batch.finished.size / batch.total) : -1)
    if (value !== shown) deps.setProgress((shown = value))
  }

  function notify(notice: AttentionNotice): void {
    if (!deps.isWindowFocused()) deps.notify(notice)
  }

  function batchEnded(ended: Batch): void {
    const done = ended.finished.size
    if (done === 0) return
    const { lastClipId } = ended
    notify({
      title: ended.failed === 0 ? `${plural(done, 'take')} finished` : `${plural(done - ended.failed, 'take')} finished, ${ended.failed} failed`,
      body: 'The queue is empty. Click to see the last clip.',
      onClick: () => (lastClipId ? deps.showClip(lastClipId) : deps.showWindow()),
    })
  }

  return {
    observe<E extends EventName>(event: E, payload: EventPayload<E>): void {
      if (event === 'queue:state') {
        const state = payload as EventPayload<'queue:state'>
        const outstanding = state.queued + state.running
        deps.setBadge(state.running)
        if (outstanding > 0) {
          batch ??= { total: 0, finished: new Set(), failed: 0, lastClipId: null }
          batch.total = batch.finished.size + outstanding
        }
        else if (batch) {
          const ended = batch
          batch = null
          batchEnded(ended)
        }
      } else if (event === 'take:updated' && batch) {
        const { take } = payload as EventPayload<'take:updated'>
        if (finalTakeStatuses.includes(take.status) && !batch.finished.has(take.id)) {
          batch.finished.add(take.id)
          if (take.status === 'failed') batch.failed++
          if (take.status === 'completed') batch.lastClipId = take.clipId
        }
      } else if (event === 'film:exportProgress') {
        exportFraction = (payload as EventPayload<'film:exportProgress'>).fraction
      }
      showProgress()
    },
    /** The export call returned: a path when the film was written, an error code when not. */
    exportEnded(outcome: { path: string } | { errorCode: string }): void {
      exportFraction = null
      showProgress()
      if ('path' in outcome) notify({ title: 'Film exported', body: outcome.path, onClick: () => deps.showFile(outcome.path) })
      else if (outcome.errorCode !== 'export_cancelled') notify({ title: 'The film export failed', body: 'Open Omniboard to see why.', onClick: deps.showWindow })
    },
  }
}
