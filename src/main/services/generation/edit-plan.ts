import { budgetStandings } from '../../../shared/domain/budget'
import { estimateEditCost } from '../../../shared/domain/cost'
import type { EditRequest } from '../../../shared/domain/edit-request'
import type { Project } from '../../../shared/domain/project'
import type { QueuePlan } from '../../../shared/domain/spend'
import { takeNumberOf } from '../../../shared/domain/take-numbers'
import { validateEdit } from '../../../shared/domain/validate-edit'
import { fail } from '../../../shared/errors'
import type { PlanInput } from './queue-plan'

/** The seconds an edit is billed by: its source's length as probed, or null while that is not known. */
export function editSourceSeconds(edit: EditRequest, project: Pick<Project, 'takes'>): number | null {
  const source = edit.source
  if (source.kind === 'url') return source.facts?.durationSeconds ?? null
  return project.takes.find((take) => take.id === source.takeId)?.videoFacts?.durationSeconds ?? null
}

/** "Edit of take 2" or "Edit of a linked video", for the confirm dialog and the ledger's item. */
export function editTitle(edit: EditRequest, project: Pick<Project, 'takes'>): string {
  const number = edit.source.kind === 'take' ? takeNumberOf(project.takes, edit.source.takeId) : null
  return number === null ? 'Edit of a linked video' : `Edit of take ${number}`
}

/** An edit as a one-item plan, like `planQueue`: its estimate (billed by the source's length), its pre-flight errors, the budgets after it. */
export function planEdit(input: PlanInput, edit: EditRequest): QueuePlan {
  const index = input.project.clips.findIndex((clip) => clip.id === edit.clipId)
  if (index < 0) fail('not_found', 'The clip of this edit is no longer in the project.', 'Select the take again.')
  const seconds = editSourceSeconds(edit, input.project)
  const estimateUsd = seconds === null ? 0 : estimateEditCost(edit.mode, seconds, input.prices)
  const problems = validateEdit(edit, input.project)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.message)
  const project = { id: input.project.id, capUsd: input.project.budget?.capUsd ?? null }
  return {
    items: [{ clipId: edit.clipId, position: index + 1, title: editTitle(edit, input.project), takes: 1, estimateUsd, problems }],
    clipCount: 1,
    takeCount: 1,
    totalUsd: estimateUsd,
    budgets: budgetStandings({ caps: input.caps, project, rows: input.rows, now: input.now, planUsd: estimateUsd }),
  }
}
