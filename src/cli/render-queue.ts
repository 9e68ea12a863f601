import type { GenerationEngine } from '../main/services/generation'
import { estimateOf } from '../main/services/generation/take-estimate'
import { newId } from '../shared/domain/ids'
import type { Take } from '../shared/domain/project'
import type { Settings } from '../shared/settings'
import type { RenderArgs } from './args'
import type { CliIo } from './cli-io'
import type { ClipDecision } from './clip-decisions'
import { clipLabel, type SelectedClip } from './clip-selection'
import { exitCodes, type ExitCode } from './exit-codes'
import { budgetBlocker, confirmSend, planLines, type RenderPlan } from './render-plan'

/** A take the run waits for, under the name its lines use ("clip 2", or "clip 2 take 1 of 3"); null = not sent. */
export type Followed = { label: string; takeId: string | null }

/** Prints the plan, refuses it when it would pass a budget, and asks unless --yes; null means go ahead. */
export async function agreeToSpend(
  engine: GenerationEngine,
  fresh: readonly SelectedClip[],
  resubmits: readonly { selected: SelectedClip; take: Take }[],
  args: RenderArgs,
  settings: Settings,
  io: CliIo,
): Promise<ExitCode | null> {
  const print = (line: string): void => io.stderr(`${line}\n`)
  const now = new Date().toISOString()
  const render: RenderPlan = {
    plan: await engine.plan(fresh.map(({ clip }) => clip.id), args.takes),
    resubmits: resubmits.map(({ selected, take }) => ({ label: clipLabel(selected), usd: estimateOf(take.request, settings.prices, now)?.usd ?? 0 })),
    budgetUsd: args.budgetUsd,
  }
  planLines(render, new Map(fresh.map((selected) => [selected.clip.id, clipLabel(selected)]))).forEach(print)
  const blocker = budgetBlocker(render)
  if (blocker !== null) {
    print(`omniboard: ${blocker} Nothing was sent. Raise the cap (Settings in Omniboard, or --budget), or render fewer clips.`)
    return exitCodes.overBudget
  }
  const answer = await confirmSend(render, args.yes, io)
  if (answer === 'no-terminal') {
    print('omniboard: nothing was sent; there is no terminal to ask on, so run again with --yes to send these takes.')
    return exitCodes.usage
  }
  if (answer === 'declined') {
    print('omniboard: nothing was sent.')
    return exitCodes.ok
  }
  return null
}

/** Follows what runs already, asks again about stopped tasks, resends unknowns, and queues every new take as one action. */
export async function startTakes(
  engine: GenerationEngine,
  decisions: readonly { selected: SelectedClip; decision: ClipDecision }[],
  fresh: readonly SelectedClip[],
  takesPerClip: number,
  labels: Map<string, string>,
): Promise<Followed[]> {
  const queued = fresh.length > 0 ? await engine.enqueue(fresh.map(({ clip }) => clip.id), takesPerClip, newId()) : []
  const followed: Followed[] = []
  for (const { selected, decision } of decisions) {
    let takeIds: (string | null)[]
    if (decision.kind === 'new') takeIds = queued.filter((take) => take.clipId === selected.clip.id).map((take) => take.id)
    else if (decision.kind === 'follow') takeIds = [decision.take.id]
    else if (decision.kind === 'checkAgain') takeIds = [(await engine.checkAgain(decision.take.id)).id]
    else if (decision.kind === 'resubmit') takeIds = [(await engine.resolveUnknown(decision.take.id, 'resubmit')).id]
    else takeIds = [null]
    takeIds.forEach((takeId, index) => {
      const label = takeIds.length > 1 ? `${clipLabel(selected)} take ${index + 1} of ${takeIds.length}` : clipLabel(selected)
      if (takeId !== null) labels.set(takeId, label)
      followed.push({ label, takeId })
    })
  }
  return followed
}
