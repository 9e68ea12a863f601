import { z } from 'zod'
import { contract, type ChannelName, type ChannelResponse, type Contract } from '../../shared/ipc/contract'
import { appError, isAppErrorException, type AppError } from '../../shared/errors'
import { err, ok, type Result } from '../../shared/result'

export type Handler<C extends ChannelName> = (request: z.infer<Contract[C]['request']>) => Promise<ChannelResponse<C>> | ChannelResponse<C>
export type Handlers = { [C in ChannelName]: Handler<C> }

/** Who is calling: the Electron adapter fills it from `event.senderFrame`, the browser harness from Playwright's frame. */
export type Sender = { isTopFrame: boolean; url: string }
export type SenderPolicy = (sender: Sender) => boolean

export type Router = {
  dispatch(channel: string, payload: unknown, sender: Sender): Promise<Result<unknown>>
}

// Each issue cut short: a union's message lists every member (33 edit kinds), too long for a dialog.
const shortened = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const describeIssues = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => shortened(`${issue.path.join('.') || 'payload'}: ${issue.message}`))
    .join('; ')

/**
 * The transport-independent half of IPC: sender check, zod parsing of the payload, typed errors instead of throws.
 * Electron and the test harness differ only in how they call `dispatch`.
 */
export function createRouter(handlers: Handlers, isAllowedSender: SenderPolicy, log: (message: string) => void = () => {}): Router {
  return {
    async dispatch(channel, payload, sender) {
      if (!isAllowedSender(sender)) {
        return err(appError('forbidden_sender', 'This request did not come from the Omniboard window.', 'Only the app itself can talk to Omniboard.'))
      }
      if (!Object.hasOwn(contract, channel)) {
        return err(appError('invalid_request', `Unknown request "${String(channel).slice(0, 80)}".`, 'Update Omniboard; this looks like a version mismatch.'))
      }
      const name = channel as ChannelName
      const parsed = contract[name].request.safeParse(payload ?? {})
      if (!parsed.success) {
        return err(appError('invalid_request', `The app sent an invalid "${name}" request (${describeIssues(parsed.error)}).`, 'This is a bug in Omniboard; please report it.'))
      }
      try {
        const handler = handlers[name] as (request: unknown) => Promise<unknown> | unknown
        return ok(await handler(parsed.data))
      } catch (error) {
        if (isAppErrorException(error)) return err(error.error)
        log(`IPC handler "${name}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        return err(internalError())
      }
    },
  }
}

export const internalError = (): AppError =>
  appError('internal', 'Something went wrong inside Omniboard.', 'Try again; if it keeps happening, restart the app and report the problem.')

/** Our own page only: the top frame, loaded from the packaged files (path prefix) or the dev server (same origin). */
export function appOriginPolicy(allowedUrls: readonly string[]): SenderPolicy {
  return (sender) => sender.isTopFrame && allowedUrls.some((allowed) => isSameApp(sender.url, allowed))
}

function isSameApp(url: string, allowed: string): boolean {
  let candidate: URL
  let own: URL
  try {
    candidate = new URL(url)
    own = new URL(allowed)
  } catch {
    return false
  }
  // A bare string prefix would let http://localhost:51730 pass for http://localhost:5173.
  if (own.protocol === 'file:') return candidate.protocol === 'file:' && candidate.host === own.host && candidate.pathname.startsWith(own.pathname)
  return candidate.origin === own.origin
}
