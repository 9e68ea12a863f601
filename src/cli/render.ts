import type { GenerationEngine } from '../main/services/generation'
import { createRunEngine } from './run-engine'
import { probeTakeVideoFacts } from '../main/services/media/take-video-facts'
import { openProjectSession } from '../main/services/project/open-project'
import type { ProjectSession } from '../main/services/project/project-session'
import { newId } from '../shared/domain/ids'
import type { Take } from '../shared/domain/project'
import type { QueueState } from '../shared/domain/spend'
import { isAppErrorException, type AppError } from '../shared/errors'
import { appUserDataDir, readAppSettings } from './app-settings'
import type { RenderArgs } from './args'
import type { CliIo } from './cli-io'
import { printValidation, selectClips, type SelectedClip } from './clip-selection'
import { printRequestBodies } from './dry-run'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'
import { createProgressPrinter } from './progress-printer'
import { decideClip, describeDecision } from './clip-decisions'
import { describeOutcome } from './render-outcome'
import { agreeToSpend, startTakes } from './render-queue'

export async function runRender(args: RenderArgs, io: CliIo): Promise<ExitCode> {
  const fail = (error: AppError): ExitCode => {
    io.stderr(`omniboard: ${error.message} ${error.hint}\n`)
    return exitCodeFor(error)
  }
  let session: ProjectSession
  try {
    session = await openProjectSession(args.projectDir, { now: () => new Date(), newId: () => newId() })
  } catch (error) {
    if (isAppErrorException(error)) return fail(error.error)
    throw error
  }
  try {
    const clips = selectClips(session.project(), args.selection)
    if (!Array.isArray(clips)) return fail(clips)
    if (clips.length === 0) {
      io.stderr('omniboard: no clip has changed since its take; nothing to send.\n')
      return exitCodes.ok
    }
    await measureSourceTakes(session, clips)
    if (!printValidation(session.project(), clips, (line) => io.stderr(`${line}\n`))) {
      io.stderr('omniboard: nothing was sent; fix the errors above in Omniboard and run again.\n')
      return exitCodes.invalidProject
    }
    if (args.dryRun) {
      await printRequestBodies(session, clips, args, io)
      return exitCodes.ok
    }
    const key = io.env.MULEROUTER_API_KEY?.trim()
    if (!key) {
      io.stderr('omniboard: set MULEROUTER_API_KEY to your MuleRouter API key (or use --dry-run).\n')
      return exitCodes.usage
    }
    return await renderClips(session, clips, args, key, io)
  } catch (error) {
    if (isAppErrorException(error)) return fail(error.error)
    throw error
  } finally {
    await session.close().catch(() => undefined)
  }
}

async function renderClips(session: ProjectSession, clips: readonly SelectedClip[], args: RenderArgs, key: string, io: CliIo): Promise<ExitCode> {
  const print = (line: string): void => io.stderr(`${line}\n`)
  const labels = new Map<string, string>()
  const printer = createProgressPrinter((takeId) => labels.get(takeId) ?? null, print)
  const stopReason: { code: ExitCode | null } = { code: null }
  let wake: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (wake = resolve))
  const stop = (code: ExitCode): void => {
    stopReason.code ??= code
    wake()
  }
  /** MuleRouter refused the account (no credits, the key): the engine paused the queue, and waiting cannot help. */
  const pause: { reason: AppError | null } = { reason: null }
  const noteQueue = (state: QueueState): void => {
    if (state.pauseReason === null || pause.reason !== null) return
    pause.reason = state.pauseReason
    stop(exitCodeFor(state.pauseReason))
  }
  const userDataDir = appUserDataDir(io.env)
  const settings = await readAppSettings(userDataDir)
  const engine: GenerationEngine = createRunEngine(session, { ...args, key, settings, userDataDir }, io, (event, payload) => {
    if (event === 'job:progress') return printer.progress(payload as Parameters<typeof printer.progress>[0])
    if (event === 'queue:state') return noteQueue(payload as QueueState)
    printer.takeUpdated((payload as { take: Take }).take)
  })
  const onInterrupt = (): void => stop(exitCodes.interrupted)
  io.interrupt.addEventListener('abort', onInterrupt, { once: true })
  try {
    const saved = engine.queueState()
    if (saved.paused) {
      // Rendering is the user asking for the queue to run; left paused, the run would wait for its --timeout.
      print(`omniboard: this project's queue was paused ${saved.pauseReason ? `(${saved.pauseReason.message})` : 'in Omniboard'}; resuming it.`)
      await engine.setPaused(false)
    }
    // Takes already queued or sent carry on first (they were agreed to before), so what each clip needs is known.
    await engine.resume()
    const decisions = clips.map((selected) => ({ selected, decision: decideClip(session.project(), selected, args.resubmitUnknown) }))
    for (const { selected, decision } of decisions) describeDecision(selected, decision).forEach(print)
    const fresh = decisions.filter(({ decision }) => decision.kind === 'new').map(({ selected }) => selected)
    const resubmits = decisions.flatMap(({ selected, decision }) => (decision.kind === 'resubmit' ? [{ selected, take: decision.take }] : []))
    if (fresh.length + resubmits.length > 0) {
      const go = await agreeToSpend(engine, fresh, resubmits, args, settings, io)
      if (go !== null) return go
    }
    // Never waits without bound, whatever MuleRouter or the network do.
    const deadline = setTimeout(() => stop(exitCodes.timedOut), args.timeoutMs)
    try {
      const followed = await startTakes(engine, decisions, fresh, args.takes, labels)
      await Promise.race([engine.idle(), stopped])
      if (stopReason.code === exitCodes.interrupted) print('omniboard: interrupted; takes already sent stay in the project and continue next time.')
      if (stopReason.code === exitCodes.timedOut) print('omniboard: --timeout ran out; takes already sent stay in the project and continue next time.')
      if (pause.reason !== null) {
        print(`omniboard: the queue paused: ${pause.reason.message}`)
        print('omniboard: takes not sent yet stay queued in the project; fix this, then run the same command again (or Resume the queue in Omniboard).')
      }
      await engine.dispose()
      let exit: ExitCode = exitCodes.ok
      for (const { label, takeId } of followed) {
        const take = takeId === null ? null : (session.project().takes.find((candidate) => candidate.id === takeId) ?? null)
        const outcome = describeOutcome(label, take, session)
        print(outcome.line)
        if (exit === exitCodes.ok && outcome.code !== exitCodes.ok) exit = outcome.code
      }
      return stopReason.code ?? exit
    } finally {
      clearTimeout(deadline)
    }
  } finally {
    io.interrupt.removeEventListener('abort', onInterrupt)
    await engine.dispose()
  }
}

/** Next shots whose source take was finished before Omniboard measured its video: measured now, so they can be checked. */
async function measureSourceTakes(session: ProjectSession, clips: readonly SelectedClip[]): Promise<void> {
  for (const { clip } of clips) {
    const source = clip.videoReference?.source
    if (source?.kind !== 'take' || session.project().takes.find((take) => take.id === source.takeId)?.videoFacts) continue
    // A take that cannot be measured is reported by validation, in words.
    await probeTakeVideoFacts(session, source.takeId, () => undefined).catch(() => undefined)
  }
}
