import { estimateClipCost, formatUsd, ratePerSecond } from '../../../../shared/domain/cost'
import type { Clip } from '../../../../shared/domain/project'
import { selectPrices } from '../../store/selectors'
import { useStore } from '../../store/store'

export function CostEstimate({ clip }: { clip: Clip }) {
  const prices = useStore(selectPrices)
  if (!prices) return null
  return (
    <div className="inspector__cost">
      <div className="inspector__row">
        <span className="inspector__label">Cost</span>
        <span className="inspector__cost-value tabular">{formatUsd(estimateClipCost(clip, prices))}</span>
      </div>
      <p className="inspector__note tabular">
        Estimate: {clip.duration} s × {formatUsd(ratePerSecond(clip, prices))}/s from your price settings.
      </p>
    </div>
  )
}
