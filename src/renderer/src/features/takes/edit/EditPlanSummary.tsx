import { AlertTriangle } from 'lucide-react'
import { formatUsd } from '../../../../../shared/domain/cost'
import type { QueuePlan } from '../../../../../shared/domain/spend'
import { planHeadline, planRefusals } from '../../queue/confirm/plan-words'

/** What main says of the edit before it is sent: cost (billed by the source's length), rules it breaks, budgets. */
export function EditPlanSummary({ plan, error, shown }: { plan: QueuePlan | null; error: string | null; shown: readonly string[] }) {
  // Rules the dialog already shows beside their fields are not said twice.
  const problems = (plan?.items.flatMap((item) => item.problems) ?? []).filter((problem) => !shown.includes(problem))
  const refusals = plan ? planRefusals(plan) : []
  return (
    <section className="edit-take__plan" aria-label="Before you generate" aria-live="polite">
      {plan && <p className="edit-take__headline tabular">{planHeadline(plan, `One edit · ≈ ${formatUsd(plan.totalUsd)}`)}</p>}
      {plan && <p className="field__hint">An edit is as long as its source and billed by that length, without sound. Every figure is an estimate from your price settings.</p>}
      {!plan && !error && <p className="field__hint" role="status">Working out the estimate…</p>}
      {[...problems, ...refusals].map((line) => (
        <p key={line} className="queue-plan__refusal" role="alert">
          <AlertTriangle size={14} strokeWidth={2} aria-hidden /> {line}
        </p>
      ))}
      {error && <p className="field__error" role="alert">{error}</p>}
    </section>
  )
}
