import type { AppError, ErrorCode } from '../../../shared/errors'
import type { JobContext } from './job-context'

/** What the user does about each refusal before Resume sends the waiting takes again. */
const resumeHints: Partial<Record<ErrorCode, string>> = {
  api_insufficient_credits: 'Add credits to your MuleRouter account, then Resume the queue.',
  api_unauthorized: 'Fix the API key in Settings, then Resume the queue.',
  api_forbidden: 'Check in Settings that your key may use Kling V3 Omni, then Resume the queue.',
}

/**
 * A POST refused for the account (402 no credits, 401 a key it does not accept, 403 a key not allowed) made no
 * task, and every take behind it would meet the same answer. Returns why the whole queue pauses, or null when the
 * failure is about this take alone.
 */
export function accountPauseReason(failure: AppError): AppError | null {
  const hint = resumeHints[failure.code]
  return hint === undefined ? null : { code: failure.code, message: failure.message, hint }
}

/**
 * Pauses at once, so no other take goes out into the same refusal, then records why in the project so the reason
 * survives a restart. A save that fails is only logged: the pause holds in memory, and the take must still go back
 * in line.
 */
export async function pauseForAccount(ctx: Pick<JobContext, 'policy' | 'session' | 'log'>, reason: AppError): Promise<void> {
  ctx.policy.setPaused(true, reason)
  await ctx.session
    .updateEngineState((state) => ({ ...state, queue: { paused: true, pauseReason: reason } }))
    .catch((error: unknown) => ctx.log(`queue pause not saved: ${error instanceof Error ? error.message : String(error)}`))
}
