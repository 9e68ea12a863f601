import type { ErrorCode } from '../errors'
import type { Take } from './project'

/**
 * Failures that prove MuleRouter made no task, and that sending the same request again may fix. The 429, 401 and
 * 402 codes are on takes failed by earlier versions: such a POST now puts the take back in the queue instead.
 */
const resendableCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'upload_interrupted',
  'network_offline',
  'api_rate_limited',
  'api_unauthorized',
  'api_insufficient_credits',
])

/**
 * A failed take that provably never became a task can be sent again at no risk of paying twice. A refused body
 * (400) is not offered: the same body would be refused again; the clip needs changing first.
 */
export const canSendAgain = (take: Pick<Take, 'status' | 'taskId' | 'error'>): boolean =>
  take.status === 'failed' && take.taskId === null && take.error !== null && resendableCodes.has(take.error.code)
