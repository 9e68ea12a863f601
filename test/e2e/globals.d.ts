import type { OmniboardBridge } from '../../src/shared/ipc/bridge'

declare global {
  interface Window {
    omniboard: OmniboardBridge
  }
}
