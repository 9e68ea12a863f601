import { capPhrase, passedCaps } from '../shared/domain/budget'
import { formatUsd, roundUsd } from '../shared/domain/cost'
import { planSummary } from '../shared/domain/plan-summary'
import type { QueuePlan } from '../shared/domain/spend'
import type { CliIo } from './cli-io'

/** What this run would send: new takes (the engine's plan) and takes of unknown outcome sent again. */
export type RenderPlan = { plan: QueuePlan; resubmits: { label: string; usd: number }[]; budgetUsd: number | null }

const totalOf = ({ plan, resubmits }: RenderPlan): number => roundUsd(plan.totalUsd + resubmits.reduce((sum, item) => sum + item.usd, 0))
const takesOf = ({ plan, resubmits }: RenderPlan): number => plan.takeCount + resubmits.length

/** The caps with what this run would leave of each, the app's and --budget's, every figure an estimate. */
export function planLines(render: RenderPlan, labels: ReadonlyMap<string, string>): string[] {
  const { plan, resubmits, budgetUsd } = render
  const extraUsd = totalOf(render) - plan.totalUsd
  const lines = [`Plan (estimates): ${planSummary({ clipCount: plan.clipCount + resubmits.length, takeCount: takesOf(render), totalUsd: totalOf(render) })}`]
  for (const item of plan.items) lines.push(`  ${labels.get(item.clipId) ?? `clip ${item.position}`}: ${item.takes} ${item.takes === 1 ? 'take' : 'takes'} · ≈ ${formatUsd(item.estimateUsd)}`)
  for (const item of resubmits) lines.push(`  ${item.label}: sent again · ≈ ${formatUsd(item.usd)}`)
  for (const standing of plan.budgets) lines.push(`  leaves ${leftText(standing.leftAfterUsd - extraUsd)} of ${capPhrase(standing, formatUsd)}`)
  if (budgetUsd !== null) lines.push(`  leaves ${leftText(budgetUsd - totalOf(render))} of this run's ${formatUsd(budgetUsd)} budget (--budget)`)
  return lines
}

const leftText = (usd: number): string => (usd < 0 ? `nothing (${formatUsd(-usd)} over)` : formatUsd(usd))

/** Why this run must not send anything, naming the cap passed worst and by how much; null when it fits. */
export function budgetBlocker(render: RenderPlan): string | null {
  const extraUsd = totalOf(render) - render.plan.totalUsd
  const summary = planSummary({ clipCount: render.plan.clipCount + render.resubmits.length, takeCount: takesOf(render), totalUsd: totalOf(render) })
  const passed = passedCaps(render.plan.budgets.map((standing) => ({ ...standing, leftAfterUsd: standing.leftAfterUsd - extraUsd })))
  const overRun = render.budgetUsd === null ? 0 : totalOf(render) - render.budgetUsd
  const worstApp = passed[0]
  if (overRun > 0 && (worstApp === undefined || overRun >= -worstApp.leftAfterUsd)) {
    return `${summary} would pass this run's ${formatUsd(render.budgetUsd!)} budget (--budget) by ${formatUsd(overRun)}.`
  }
  if (worstApp === undefined) return null
  return `${summary} would pass ${capPhrase(worstApp, formatUsd)} by ${formatUsd(-worstApp.leftAfterUsd)}.`
}

/** "Send 3 takes for ≈ $1.68? [y/N]" on a terminal; without one, only --yes sends. */
export async function confirmSend(render: RenderPlan, yes: boolean, io: CliIo): Promise<'send' | 'declined' | 'no-terminal'> {
  if (yes) return 'send'
  if (!io.ask) return 'no-terminal'
  const answer = await io.ask(`Send ${takesOf(render)} ${takesOf(render) === 1 ? 'take' : 'takes'} for ≈ ${formatUsd(totalOf(render))}? [y/N] `)
  return /^y(es)?$/i.test(answer.trim()) ? 'send' : 'declined'
}
