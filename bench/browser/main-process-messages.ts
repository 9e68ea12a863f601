import type { HarnessFrame } from '../../test/e2e/support/harness-main'
import type { Stalls } from '../lib/stall-tracker'

/** What the bench asks of the main-process child (`main-process-child.ts`); each is answered by its id. */
export type ChildRequest = { id: number } & (
  | { type: 'start'; tempRoot: string; rendererDir: string; projectFolder: string }
  | { type: 'invoke'; channel: string; payload: unknown; frame: HarnessFrame }
  | { type: 'measure:start' }
  | { type: 'measure:stop' }
  | { type: 'logs' }
  | { type: 'dispatchTimes' }
  | { type: 'dispose' }
)

export type ChildMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string }
  | { type: 'event'; event: string; payload: unknown }

/** The child's event-loop figures over a measured window (`trackStalls`), and its CPU time over wall time. */
export type ChildMeasure = Stalls & { cpuShare: number }

/** How long the main process took over one request, from its arrival in the child to its answer. */
export type DispatchTime = { channel: string; mainMs: number }
