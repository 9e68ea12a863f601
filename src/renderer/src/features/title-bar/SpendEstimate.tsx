import { useMemo } from 'react'
import { estimateClipsCost, formatUsd } from '../../../../shared/domain/cost'
import type { Take } from '../../../../shared/domain/project'
import { selectPrices, selectTakes } from '../../store/selectors'
import { useStore } from '../../store/store'

/** Takes that reached the API may be billed; ones refused before submitting or failed cost nothing. */
const billable = (take: Take) => take.taskId !== null && take.status !== 'failed' && take.status !== 'cancelled'

function requestedCostInputs(take: Take) {
  const { mode, sound, duration } = take.request
  return {
    mode: mode === 'std' ? ('std' as const) : ('pro' as const),
    sound: sound === 'on' ? ('on' as const) : ('off' as const),
    duration: typeof duration === 'number' ? duration : 0,
  }
}

export function SpendEstimate() {
  const takes = useStore(selectTakes)
  const prices = useStore(selectPrices)
  const openDialog = useStore((s) => s.openDialog)
  const spent = useMemo(() => (prices ? estimateClipsCost(takes.filter(billable).map(requestedCostInputs), prices) : null), [takes, prices])
  if (spent === null) return null
  return (
    <button
      type="button"
      className="btn btn--ghost title-bar__spend tabular"
      title="Estimated from your price settings; MuleRouter's bill is the final word. Open the spend ledger."
      onClick={() => openDialog('ledger')}
    >
      <span className="caps-label">Spent</span> ≈ {formatUsd(spent)}
    </button>
  )
}
