import { Settings } from 'lucide-react'
import type { AppError, ErrorCode } from '../../../../../shared/errors'
import { useStore } from '../../../store/store'

/** Refusals fixed where the API key is. */
const fixedInSettings: ReadonlySet<ErrorCode> = new Set(['api_unauthorized', 'api_forbidden'])

/**
 * Why the engine paused the queue itself (MuleRouter refused the account), with the way to Settings when the key is
 * the problem. `compact`: one line, cut to fit the title bar, the whole of it in the tooltip.
 */
export function PauseReason({ reason, compact = false }: { reason: AppError; compact?: boolean }) {
  const openDialog = useStore((s) => s.openDialog)
  // Messages that end on a quoted detail from MuleRouter have no full stop of their own.
  const words = `${reason.message}${/[.!?…]$/.test(reason.message) ? '' : '.'} ${reason.hint}`
  return (
    <span className={compact ? 'pause-reason pause-reason--compact' : 'pause-reason'}>
      <span className="pause-reason__words" title={words}>{words}</span>
      {fixedInSettings.has(reason.code) && (
        <button type="button" className="btn btn--small" onClick={() => openDialog('settings', words)}>
          <Settings size={12} strokeWidth={2} aria-hidden /> Open Settings
        </button>
      )}
    </span>
  )
}
