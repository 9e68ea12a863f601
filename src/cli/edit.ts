import { probeTakeVideoFacts } from '../main/services/media/take-video-facts'
import { buildEditBody, assetReaderFor } from '../main/services/mulerouter/build-request'
import { materializeBody } from '../main/services/mulerouter/request-body'
import { generationUrlPath } from '../main/services/mulerouter/request-schema'
import { openProjectSession } from '../main/services/project/open-project'
import type { ProjectSession } from '../main/services/project/project-session'
import { formatUsd } from '../shared/domain/cost'
import type { EditRequest } from '../shared/domain/edit-request'
import { newId } from '../shared/domain/ids'
import type { Take } from '../shared/domain/project'
import { validateEdit } from '../shared/domain/validate-edit'
import { appError, isAppErrorException, type AppError } from '../shared/errors'
import { appUserDataDir, readAppSettings } from './app-settings'
import type { CliIo } from './cli-io'
import { selectClips } from './clip-selection'
import type { EditArgs } from './edit-args'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'
import { withShortImages } from './shorten-images'
import { createProgressPrinter } from './progress-printer'
import { describeOutcome } from './render-outcome'
import { planRefusal } from '../main/services/generation/queue-plan'
import { createRunEngine } from './run-engine'

/**
 * `omniboard edit`: one edit of one take by instruction (video-to-video/edit), queued and rendered exactly as the
 * app's Edit… does: the take is probed for Kling's video rules, the edit is priced by the take's length, journaled
 * before its one POST, and its result is a new take of the same clip. `--dry-run` prints the body instead.
 */
export async function runEdit(args: EditArgs, io: CliIo): Promise<ExitCode> {
  let session: ProjectSession
  try {
    session = await openProjectSession(args.projectDir, { now: () => new Date(), newId: () => newId() })
  } catch (error) {
    if (isAppErrorException(error)) return fail(error.error, io)
    throw error
  }
  try {
    const source = await sourceTake(session, args)
    if ('code' in source) return fail(source, io)
    await probeTakeVideoFacts(session, source.take.id, () => undefined)
    const edit: EditRequest = {
      clipId: source.take.clipId,
      source: { kind: 'take', takeId: source.take.id },
      instruction: args.instruction,
      negativePrompt: args.negativePrompt,
      keepOriginalSound: args.keepSound,
      mode: args.mode,
      referenceImageIds: [],
      elementIds: [],
    }
    const errors = validateEdit(edit, session.project()).filter((issue) => issue.severity === 'error')
    for (const issue of errors) io.stderr(`${source.label}: error: ${issue.message}\n`)
    if (errors.length > 0) {
      io.stderr('omniboard: nothing was sent.\n')
      return exitCodes.invalidProject
    }
    if (args.dryRun) {
      const built = await buildEditBody(edit, session.project(), assetReaderFor(session), { imageEncoding: 'raw' })
      io.stderr(`# ${source.label}: would POST ${args.baseUrl}${generationUrlPath(built.endpoint)} (take:${source.take.id} is the take's link, asked afresh when sent)\n`)
      io.stdout(`${JSON.stringify(withShortImages(await materializeBody(built.body)), null, 2)}\n`)
      return exitCodes.ok
    }
    const key = io.env.MULEROUTER_API_KEY?.trim()
    if (!key) {
      io.stderr('omniboard: set MULEROUTER_API_KEY to your MuleRouter API key (or use --dry-run).\n')
      return exitCodes.usage
    }
    return await sendEdit(session, edit, source.label, args, key, io)
  } catch (error) {
    if (isAppErrorException(error)) return fail(error.error, io)
    throw error
  } finally {
    await session.close().catch(() => undefined)
  }
}

async function sourceTake(session: ProjectSession, args: EditArgs): Promise<{ take: Take; label: string } | AppError> {
  const selected = selectClips(session.project(), { kind: 'clips', refs: [args.clip] })
  if (!Array.isArray(selected)) return selected
  const { clip, position } = selected[0]!
  const takes = session.project().takes.filter((take) => take.clipId === clip.id)
  const take = takes[args.take - 1]
  if (!take) return appError('not_found', `Clip ${position} has no take ${args.take} (it has ${takes.length}).`, 'Give a take number from 1, counted in the order the takes were made.')
  return { take, label: `clip ${position} take ${args.take}` }
}

async function sendEdit(session: ProjectSession, edit: EditRequest, label: string, args: EditArgs, key: string, io: CliIo): Promise<ExitCode> {
  const print = (line: string): void => io.stderr(`${line}\n`)
  const userDataDir = appUserDataDir(io.env)
  const settings = await readAppSettings(userDataDir)
  const printer = createProgressPrinter(() => `edit of ${label}`, print)
  const engine = createRunEngine(session, { baseUrl: args.baseUrl, key, idleTimeoutMs: 60_000, imageEncoding: 'raw', concurrency: 1, settings, userDataDir }, io, (event, payload) => {
    if (event === 'job:progress') printer.progress(payload as Parameters<typeof printer.progress>[0])
    else if (event === 'take:updated') printer.takeUpdated((payload as { take: Take }).take)
  })
  try {
    const plan = await engine.planEdit(edit)
    const refusal = planRefusal(plan)
    if (refusal) return fail(refusal, io)
    print(`Edit of ${label}: "${edit.instruction}" · ≈ ${formatUsd(plan.totalUsd)} (estimate, billed by the take's length)`)
    if (!args.yes) {
      if (!io.ask) {
        print('omniboard: nothing was sent; there is no terminal to ask on, so run again with --yes to send this edit.')
        return exitCodes.usage
      }
      if (!/^y(es)?$/i.test((await io.ask('Send it? [y/N] ')).trim())) {
        print('omniboard: nothing was sent.')
        return exitCodes.ok
      }
    }
    await engine.resume()
    const take = await engine.edit(edit, newId())
    const timedOut = await Promise.race([engine.idle().then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), args.timeoutMs).unref())])
    if (timedOut) print('omniboard: --timeout ran out; the edit stays in the project and continues next time.')
    await engine.dispose()
    const outcome = describeOutcome(`edit of ${label}`, session.project().takes.find((candidate) => candidate.id === take.id) ?? null, session)
    print(outcome.line)
    return timedOut ? exitCodes.timedOut : outcome.code
  } finally {
    await engine.dispose()
  }
}

function fail(error: AppError, io: CliIo): ExitCode {
  io.stderr(`omniboard: ${error.message} ${error.hint}\n`)
  return exitCodeFor(error)
}
