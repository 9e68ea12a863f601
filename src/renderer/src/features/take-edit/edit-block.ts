import type { EditRequest } from '../../../../shared/domain/edit-request'
import type { QueuePlan } from '../../../../shared/domain/spend'
import { planRefusals } from '../queue/plan-words'

/** Why Generate edit cannot be pressed yet, in words for its tooltip; null when it can. */
export function editBlock(draft: Pick<EditRequest, 'instruction'>, plan: QueuePlan | null, planError: string | null): string | null {
  if (draft.instruction.trim() === '') return 'Write what to change first.'
  if (planError) return planError
  if (!plan) return 'Working out the estimate…'
  const problem = plan.items.flatMap((item) => item.problems)[0]
  if (problem) return problem
  return planRefusals(plan)[0] ?? null
}
