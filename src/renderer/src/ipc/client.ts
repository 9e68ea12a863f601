import type { AppError } from '../../../shared/errors'
import type { OmniboardBridge } from '../../../shared/ipc/bridge'
import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/result'

declare global {
  interface Window {
    omniboard: OmniboardBridge
  }
}

type Invoke<C extends ChannelName> = (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>

let reportError: (error: AppError) => void = (error) => console.error(error.message)

/** The store registers how failures are shown (a toast); the client stays free of UI. */
export function setCallErrorReporter(report: (error: AppError) => void): void {
  reportError = report
}

/** The typed call with its Result left for the caller, for places that show an error in context. */
export async function invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>> {
  try {
    const fn = window.omniboard.invoke[channel] as unknown as Invoke<C>
    return await fn(request)
  } catch {
    // A transport failure (not a typed error) still reaches the user as one.
    return {
      ok: false,
      error: { code: 'internal', message: 'Omniboard could not reach its background process.', hint: 'Try again; if it keeps failing, restart the app.' },
    }
  }
}

/** Calls a channel and shows a failure as a toast; resolves to `null` on failure so callers just stop. */
export async function call<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C> | null> {
  const result = await invoke(channel, request)
  if (result.ok) return result.value
  reportError(result.error)
  return null
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const on = window.omniboard.on[event] as unknown as (l: (payload: EventPayload<E>) => void) => () => void
  return on(listener)
}
