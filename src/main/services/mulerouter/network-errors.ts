import { sizeOfTotal } from '../../../shared/byte-size'
import { appError, type AppError } from '../../../shared/errors'
import type { PostFailure } from './post-streamed'

export type NetworkFailure =
  /** Failed while connecting (refused, DNS, unreachable, TLS): the request never left this machine. */
  | 'not_sent'
  /** The connection broke after it was open: the server may have received the whole request. */
  | 'connection_lost'
  | 'timeout'
  | 'aborted'

const connectPhaseCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
])
const tlsCodePattern = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/

/** Walks `cause` chains and AggregateErrors (happy-eyeballs connects) for Node error codes. */
function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return []
  seen.add(error)
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown }
  const own = typeof record.code === 'string' ? [record.code] : []
  const nested = Array.isArray(record.errors) ? record.errors.flatMap((inner) => errorCodes(inner, seen)) : []
  return [...own, ...nested, ...errorCodes(record.cause, seen)]
}

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : ''

/**
 * For reads (GET, downloads), where a wrong guess costs nothing. A POST is never classified from an error's
 * code: it is placed by how far it got (`PostFailure.phase`), see errorForPostFailure.
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
  if (errorName(error) === 'TimeoutError') return 'timeout'
  if (errorName(error) === 'AbortError') return 'aborted'
  const codes = errorCodes(error)
  if (codes.includes('UND_ERR_HEADERS_TIMEOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) return 'timeout'
  // A connect-phase code anywhere means no byte of the request was written; anything else might have been.
  const connectFailed = codes.some((code) => connectPhaseCodes.has(code) || tlsCodePattern.test(code))
  const brokeWhileOpen = codes.some((code) => code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')
  if (connectFailed && !brokeWhileOpen) return 'not_sent'
  return 'connection_lost'
}

export function errorForNetworkFailure(failure: NetworkFailure, host: string): AppError {
  if (failure === 'timeout') {
    return appError('api_timeout', `MuleRouter (${host}) did not answer in time.`, 'Check your connection and try again; raise the request timeout in Settings if it keeps happening.')
  }
  if (failure === 'not_sent') {
    return appError('network_offline', `Could not connect to ${host}. Nothing was sent.`, 'Check your internet connection and the base URL in Settings, then try again.')
  }
  return appError('network_offline', `The connection to ${host} was lost.`, 'Check your internet connection and try again.')
}

/**
 * Where a POST stopped decides what it may have cost. Before a connection existed: provably nothing was sent,
 * safe to send again automatically. Connected but the body not fully written: the server cannot have parsed
 * an incomplete JSON body, so no task exists; the user is offered to send again. After the last byte: unknown.
 */
export function errorForPostFailure(failure: PostFailure, host: string): AppError {
  if (failure.bodyError) return failure.bodyError
  if (failure.phase === 'connecting') return errorForNetworkFailure('not_sent', host)
  if (failure.phase === 'uploading') {
    const why =
      failure.reason === 'idle' ? 'nothing moved for too long' : failure.reason === 'cap' ? 'it took too long' : failure.reason === 'stopped' ? 'it was stopped' : 'the connection was lost'
    return appError(
      'upload_interrupted',
      `The upload to ${host} stopped after ${sizeOfTotal(failure.sentBytes, failure.totalBytes)} (${why}), so MuleRouter cannot have started this video. Nothing was charged.`,
      'Send it again; on a slow connection, a longer idle timeout in Settings gives the upload more time.',
    )
  }
  const reason =
    failure.reason === 'idle' || failure.reason === 'cap'
      ? 'MuleRouter did not answer in time after the whole request was sent'
      : failure.reason === 'network'
        ? 'the connection was lost after the whole request was sent'
        : failure.reason === 'answer_too_large'
          ? 'its answer was not readable'
          : 'the answer was cut off'
  return submitOutcomeUnknown(reason)
}

/** For a POST that creates a paid task and was fully written, but whose answer never arrived or made no sense. */
export function submitOutcomeUnknown(reason: string): AppError {
  return appError(
    'submit_outcome_unknown',
    `Omniboard cannot tell whether MuleRouter started this video: ${reason}. It may have been created and charged.`,
    'Check your MuleRouter dashboard before generating again, so you do not pay twice.',
  )
}
