import type { TakeStatus } from '../../../../../shared/domain/project'

export const isRunning = (status: TakeStatus) => ['submitting', 'pending', 'processing', 'downloading'].includes(status)
