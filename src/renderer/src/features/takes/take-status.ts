import type { TakeStatus } from '../../../../shared/domain/project'

export const takeStatusView: Record<TakeStatus, { label: string; tone: 'info' | 'accent' | 'success' | 'warning' | 'danger' | 'neutral' }> = {
  submitting: { label: 'Submitting', tone: 'info' },
  submit_unknown: { label: 'Unconfirmed', tone: 'warning' },
  pending: { label: 'Queued', tone: 'info' },
  processing: { label: 'Generating', tone: 'accent' },
  downloading: { label: 'Downloading', tone: 'accent' },
  completed: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  stopped: { label: 'Not followed', tone: 'warning' },
}

/** A take waiting in the queue: nothing has been sent for it yet. */
export const queuedTakeView = { label: 'In queue', tone: 'info' } as const

export const isRunning = (status: TakeStatus) => ['submitting', 'pending', 'processing', 'downloading'].includes(status)

