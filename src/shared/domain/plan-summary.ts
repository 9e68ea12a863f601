import { formatUsd } from './cost'
import type { QueuePlan } from './spend'
import { plural } from './validation-issue'

/** "8 clips · ≈ $9.40", with the takes when there are several of each clip: the app's confirm and the CLI's plan. */
export function planSummary(plan: Pick<QueuePlan, 'clipCount' | 'takeCount' | 'totalUsd'>): string {
  const takes = plan.takeCount === plan.clipCount ? '' : `, ${plural(plan.takeCount, 'take')}`
  return `${plural(plan.clipCount, 'clip')}${takes} · ≈ ${formatUsd(plan.totalUsd)}`
}
