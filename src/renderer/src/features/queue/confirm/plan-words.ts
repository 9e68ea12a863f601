import { capPhrase, passedCaps } from '../../../../../shared/domain/budget'
import { formatUsd } from '../../../../../shared/domain/cost'
import { planSummary } from '../../../../../shared/domain/plan-summary'
import type { QueuePlan } from '../../../../../shared/domain/spend'

/** "8 clips · ≈ $9.40 · leaves $10.60 of today's $20.00 budget": the tightest cap the plan stays within. */
export function planHeadline(plan: QueuePlan, summary: string = planSummary(plan)): string {
  const parts = [summary]
  const tightest = [...plan.budgets].sort((a, b) => a.leftAfterUsd - b.leftAfterUsd)[0]
  if (tightest && tightest.leftAfterUsd >= 0) parts.push(`leaves ${formatUsd(tightest.leftAfterUsd)} of ${capPhrase(tightest, formatUsd)}`)
  return parts.join(' · ')
}

/** Each cap the plan would pass, by how much: "It would pass today's $20.00 budget by $3.40." */
export function planRefusals(plan: QueuePlan): string[] {
  return passedCaps(plan.budgets).map((standing) => `It would pass ${capPhrase(standing, formatUsd)} by ${formatUsd(-standing.leftAfterUsd)}.`)
}

/** The caps it stays within besides the tightest, for the line under the headline. */
export function otherStandings(plan: QueuePlan): string[] {
  const within = plan.budgets.filter((standing) => standing.leftAfterUsd >= 0).sort((a, b) => a.leftAfterUsd - b.leftAfterUsd)
  return within.slice(1).map((standing) => `leaves ${formatUsd(standing.leftAfterUsd)} of ${capPhrase(standing, formatUsd)}`)
}

export const blockedClips = (plan: QueuePlan): number => plan.items.filter((item) => item.problems.length > 0).length
