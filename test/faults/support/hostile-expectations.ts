import { AppErrorSchema } from '../../../src/shared/errors'
import type { CaseFolder } from './hostile-folders'
import type { SessionRun, StepReport } from './hostile-run'

/** One case after its session: what the child reported, what was read or changed beside the project, what leaked into it. */
export type CaseResult = { folder: CaseFolder; run: SessionRun; outsideChanges: string[]; outsideReads: string[]; folderLeaks: string[]; deadlineMs: number }

export type CaseRules = {
  /** A name the user must read in some refusal or export warning, so they learn which file is the trouble. */
  mustName?: string
  /**
   * The case's planted file is the user's outside file under another name (a hard link: same inode), so reading it
   * is reading a file of the project; only writes are checked. See the case titles.
   */
  readsAllowed?: boolean
}

export const stepNamed = (run: SessionRun, name: string): StepReport | undefined => run.report?.steps.find((step) => step.name === name)

/**
 * Everything the issue promises for any folder, as a list of broken promises (empty when the case passes): the
 * session ends within the deadline; each refusal is a typed error with a reason and a hint, never "Something went
 * wrong"; every reply crosses IPC; no canary byte reaches a reply, a media answer, an export or the project;
 * nothing beside the folder was changed, or even read; and a project that opened can be saved and closed.
 */
export function brokenPromises(result: CaseResult, rules: CaseRules): string[] {
  const { run } = result
  const problems: string[] = []
  const seconds = result.deadlineMs / 1000
  if (run.timedOut) problems.push(`no end within ${seconds} s: the main process was still at "${run.lastStep}"`)
  else if (run.lastStep !== 'done') problems.push(`the main process died at "${run.lastStep}" (${run.exit}): ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`)
  const steps = run.report?.steps ?? []
  for (const step of steps) if (!step.ok) problems.push(...refusalProblems(step))
  for (const media of run.report?.media ?? []) if (media.status >= 500) problems.push(`media ${media.path} answered ${media.status}`)
  problems.push(...(run.report?.untransportable ?? []).map((what) => `cannot cross IPC: ${what}`))
  if (!rules.readsAllowed) problems.push(...(run.report?.leaks ?? []), ...result.folderLeaks, ...result.outsideReads.map((read) => `outside the project: ${read}`))
  problems.push(...result.outsideChanges.map((change) => `outside the project: ${change}`))
  if (stepNamed(run, 'open')?.ok) {
    for (const name of ['save', 'close']) if (stepNamed(run, name) && !stepNamed(run, name)!.ok) problems.push(`the project opened but ${name} failed`)
    const read = stepNamed(run, 'read after close')
    if (read && read.value !== null) problems.push('the project was still open after close')
  }
  if (rules.mustName && run.report && !toldTheUser(steps).some((text) => text.includes(rules.mustName!))) {
    problems.push(`no refusal or warning names ${rules.mustName}`)
  }
  return problems
}

function refusalProblems(step: StepReport): string[] {
  const parsed = AppErrorSchema.safeParse(step.error)
  if (!parsed.success) return [`${step.name}: the reply is not a typed error (${JSON.stringify(step.error).slice(0, 200)})`]
  const { code, message, hint } = parsed.data
  const said = `${code}: "${message}"`
  if (code === 'internal') return [`${step.name}: "Something went wrong" (internal) instead of a reason`]
  const problems: string[] = []
  if (message.trim().length < 10 || /\n\s+at |Error:|\[object /.test(message)) problems.push(`${step.name}: not a plain-language message (${said})`)
  if (hint.trim() === '') problems.push(`${step.name}: refused without a hint of what to do (${said})`)
  return problems
}

/** Every refusal message and export warning of the session. */
function toldTheUser(steps: readonly StepReport[]): string[] {
  return steps.flatMap((step) => {
    if (!step.ok) return [step.error?.message ?? '']
    const warnings = (step.value as { warnings?: unknown } | null)?.warnings
    return Array.isArray(warnings) ? warnings.map(String) : []
  })
}

/** The session as one line per step, printed with a failing case so the report says what the app did. */
export function describeRun(result: CaseResult): string {
  const { run } = result
  const said = (step: StepReport): string => (step.ok ? `ok ${JSON.stringify(step.value ?? null).slice(0, 160)}` : `${step.error?.code} "${step.error?.message}"`)
  const lines = (run.report?.steps ?? []).map((step) => `  ${step.name} (${step.ms} ms): ${said(step)}`)
  const media = (run.report?.media ?? []).map((answer) => `${answer.path.split('/')[0]} ${answer.status}`).join(', ')
  const end = run.timedOut ? `killed at ${result.deadlineMs / 1000} s in "${run.lastStep}"` : `${run.exit} after ${Math.round(run.elapsedMs)} ms`
  return [`session: ${end}`, ...lines, `  media: ${media || 'none'}`].join('\n')
}

/** For the take cases whose media cannot be played in full: each film, OTIO, FCPXML and EDL export names the clip. */
export function exportsNameTheClip(run: SessionRun, clipNumber: number): string[] {
  if (!stepNamed(run, 'open')?.ok) return []
  const clip = `Clip ${clipNumber}`
  const problems: string[] = []
  for (const name of ['export film', 'export film with animatic stills']) {
    const step = stepNamed(run, name)
    if (step?.ok) problems.push(`${name} succeeded although clip ${clipNumber}'s take ends early`)
    else if (step && !step.error?.message.includes(clip)) problems.push(`${name} was refused without naming ${clip}: "${step.error?.message}"`)
  }
  for (const format of ['otio', 'fcpxml', 'edl']) {
    const step = stepNamed(run, `export ${format}`)
    const said = step?.ok ? ((step.value as { warnings: string[] }).warnings ?? []).join(' ') : (step?.error?.message ?? '')
    if (step && !said.includes(clip)) problems.push(`export ${format} ${step.ok ? 'succeeded without a warning' : 'was refused without'} naming ${clip}`)
  }
  return problems
}
