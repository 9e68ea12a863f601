import { budgetStandings, capPhrase, passedCaps } from '../../../shared/domain/budget'
import { estimateClipCost, formatUsd, roundUsd } from '../../../shared/domain/cost'
import { planSummary } from '../../../shared/domain/plan-summary'
import type { Clip, Project } from '../../../shared/domain/project'
import type { BudgetCaps, LedgerRow, QueuePlan } from '../../../shared/domain/spend'
import { validateClip } from '../../../shared/domain/validate-clip'
import { appError, fail, type AppError } from '../../../shared/errors'
import type { Prices } from '../../../shared/settings'

export type PlanInput = { project: Project; caps: BudgetCaps; prices: Prices; rows: readonly LedgerRow[]; now: string }

/** The clips named, in the order given (a clip named twice counts once); refuses a clip that is not in the project. */
export function clipsToQueue(project: Project, clipIds: readonly string[]): { clip: Clip; position: number }[] {
  return [...new Set(clipIds)].map((clipId) => {
    const index = project.clips.findIndex((clip) => clip.id === clipId)
    if (index < 0) fail('not_found', 'A clip to generate is no longer in the project.', 'Select the clips again.')
    return { clip: project.clips[index]!, position: index + 1 }
  })
}

/** Each item's `estimateUsd` is for all its takes; the budgets count what is already committed plus this plan. */
export function planQueue(input: PlanInput, clipIds: readonly string[], takesPerClip: number): QueuePlan {
  const items = clipsToQueue(input.project, clipIds).map(({ clip, position }) => ({
    clipId: clip.id,
    position,
    title: clip.title,
    takes: takesPerClip,
    estimateUsd: roundUsd(estimateClipCost(clip, input.prices) * takesPerClip),
    problems: validateClip(clip, input.project)
      .filter((issue) => issue.severity === 'error')
      .map((issue) => issue.message),
  }))
  const totalUsd = roundUsd(items.reduce((sum, item) => sum + item.estimateUsd, 0))
  const project = { id: input.project.id, capUsd: input.project.budget?.capUsd ?? null }
  return {
    items,
    clipCount: items.length,
    takeCount: items.length * takesPerClip,
    totalUsd,
    budgets: budgetStandings({ caps: input.caps, project, rows: input.rows, now: input.now, planUsd: totalUsd }),
  }
}

/** Why a plan cannot be queued as a whole, or null when it can. */
export function planRefusal(plan: QueuePlan): AppError | null {
  const invalid = plan.items.filter((item) => item.problems.length > 0)
  if (invalid.length === 1) {
    const [{ position, problems }] = invalid as [QueuePlan['items'][number]]
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
    return appError('clip_invalid', `Clip ${position} cannot be generated yet: ${problems.slice(0, 3).join('; ')}${more}.`, 'Fix the marked fields, then generate again.')
  }
  if (invalid.length > 1) {
    const named = invalid.slice(0, 3).map((item) => `clip ${item.position}: ${item.problems[0]}`)
    const more = invalid.length > 3 ? ` (and ${invalid.length - 3} more clips)` : ''
    const which = listPositions(invalid.map((item) => item.position))
    return appError('clip_invalid', `Clips ${which} cannot be generated yet, so nothing was queued — ${named.join('; ')}${more}.`, 'Fix the marked fields, then generate again.')
  }
  const [worst] = passedCaps(plan.budgets)
  if (worst === undefined) return null
  return appError(
    'budget_exceeded',
    `${planSummary(plan)} would pass ${capPhrase(worst, formatUsd)} by ${formatUsd(-worst.leftAfterUsd)}.`,
    worst.scope === 'project' ? "Raise the project's cap or queue fewer clips." : 'Raise the cap in Settings or queue fewer clips.',
  )
}

function listPositions(positions: readonly number[]): string {
  const shown = positions.slice(0, 3)
  return shown.length === 1 ? `${shown[0]}` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}
