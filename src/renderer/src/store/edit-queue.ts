import type { EditOp } from '../../../shared/domain/edits-schema'
import type { AppError } from '../../../shared/errors'
import { invoke } from '../ipc/client'

type Sink = { onSent: (revision: number) => void; onRejected: (error: AppError) => void }

/**
 * Ops made in one task (a keystroke, a drop) travel in one `project:edit` call; sends stay in order,
 * so the main process applies exactly the sequence the renderer applied.
 */
export function createEditQueue(sink: Sink) {
  let pending: EditOp[] = []
  let scheduled = false
  let inFlight: Promise<void> = Promise.resolve()

  function send(): void {
    scheduled = false
    const ops = pending
    pending = []
    if (ops.length === 0) return
    inFlight = inFlight.then(async () => {
      for (let i = 0; i < ops.length; i += 500) {
        const result = await invoke('project:edit', { ops: ops.slice(i, i + 500) })
        if (result.ok) sink.onSent(result.value.revision)
        else return sink.onRejected(result.error)
      }
    })
  }

  return {
    push(ops: EditOp[]): void {
      pending.push(...ops)
      if (scheduled) return
      scheduled = true
      queueMicrotask(send)
    },
    /** Resolves once every edit made so far has reached the main process (before generating, saving). */
    async flush(): Promise<void> {
      send()
      await inFlight
    },
  }
}
