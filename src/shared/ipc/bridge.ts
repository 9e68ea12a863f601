import { channelNames, eventNames, type ChannelName, type ChannelRequest, type ChannelResponse, type EventName, type EventPayload } from './contract'
import type { Result } from '../result'

/** The two primitives a transport must offer; Electron's ipcRenderer and the test harness both provide them. */
export type BridgeTransport = {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

export type OmniboardBridge = {
  invoke: { [C in ChannelName]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>> }
  on: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void }
}

/** Builds `window.omniboard` from the contract's channel list: one function per channel and per event, nothing else. */
export function createBridge(transport: BridgeTransport): OmniboardBridge {
  const invoke = Object.fromEntries(
    channelNames.map((name) => [name, (request: unknown) => transport.invoke(name, request ?? {})]),
  )
  const on = Object.fromEntries(
    eventNames.map((name) => [name, (listener: (payload: unknown) => void) => transport.subscribe(name, listener)]),
  )
  return Object.freeze({ invoke: Object.freeze(invoke), on: Object.freeze(on) }) as unknown as OmniboardBridge
}
