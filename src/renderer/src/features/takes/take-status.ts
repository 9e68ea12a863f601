import type { Take, TakeStatus } from '../../../../shared/domain/project'

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

/** A failed take Kling would not make for its content: sent unchanged, it would be refused again. */
export const refusedTakeView = { label: 'Refused by Kling', tone: 'danger' } as const
export const isRefusedTake = (take: Pick<Take, 'status' | 'error'>): boolean => take.status === 'failed' && take.error?.code === 'task_refused'

export const isRunning = (status: TakeStatus) => ['submitting', 'pending', 'processing', 'downloading'].includes(status)

