import type { TakeStatus } from '../../../../../shared/domain/project'

/** Sent and not finished: the take is being uploaded, made at MuleRouter or downloaded. */
export const isRunning = (status: TakeStatus) => ['submitting', 'pending', 'processing', 'downloading'].includes(status)
