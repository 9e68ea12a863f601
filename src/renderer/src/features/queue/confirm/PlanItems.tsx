import { formatUsd } from '../../../../../shared/domain/cost'
import type { QueuePlan } from '../../../../../shared/domain/spend'

/** Each clip the plan would queue, its estimate, and what keeps it from going. */
export function PlanItems({ plan }: { plan: QueuePlan }) {
  return (
    <ul className="queue-plan__items" aria-label="Clips to queue">
      {plan.items.map((item) => (
        <li key={item.clipId} className={item.problems.length > 0 ? 'queue-plan__item queue-plan__item--blocked' : 'queue-plan__item'} aria-label={`Clip ${item.position}`}>
          <span className="queue-plan__clip">Clip {item.position}</span>
          <span className="queue-plan__title">{item.title}</span>
          {item.takes > 1 && <span className="queue-plan__takes tabular">{item.takes} takes</span>}
          <span className="queue-plan__cost tabular" title="Estimate from your price settings">≈ {formatUsd(item.estimateUsd)}</span>
          {item.problems.map((problem) => (
            <span key={problem} className="queue-plan__problem">{problem}</span>
          ))}
        </li>
      ))}
    </ul>
  )
}
