import type { QueuePlan } from '../../../../../shared/domain/spend'
import type { ValidationIssue } from '../../../../../shared/domain/validation-issue'
import { planRefusals } from '../../queue/confirm/plan-words'

/**
 * Why Generate edit cannot be pressed yet, in words for its tooltip; null when it can. The shared pre-flight
 * answers at once; main's plan adds what only it knows (budgets) and checks the same rules again.
 */
export function editBlock(issues: readonly ValidationIssue[], plan: QueuePlan | null, planError: string | null): string | null {
  const local = issues.find((issue) => issue.severity === 'error')
  if (local) return local.message
  if (planError) return planError
  if (!plan) return 'Working out the estimate…'
  const problem = plan.items.flatMap((item) => item.problems)[0]
  if (problem) return problem
  return planRefusals(plan)[0] ?? null
}
