import { resolve } from 'node:path'
import type { ProjectSnapshot } from '../../../shared/domain/project-snapshot'
import { AppErrorException, fail } from '../../../shared/errors'
import { requireSendableBaseUrl, resolveBaseUrl, type SettingsPatch } from '../../../shared/settings'
import type { ProjectSession, SaveState } from '../project/project-session'
import { createProject, createSampleProject, defaultSessionDeps, openProjectSession, type FileProjectSession, type SessionDeps } from '../project'
import PQueue from 'p-queue'
import type { UserQuestions } from '../user-questions'
import { keptOpen, settleUnsaved } from './settle-unsaved'
import { createMuleRouterClient, type MuleRouterClient } from '../mulerouter'
import { createGenerationEngine, type GenerationEngine } from '../generation'
import { checkVideoUrl, type VideoUrlCheckOptions } from '../web-video/check-video-url'
import type { EngineEvents, GenerationTiming } from '../generation/engine-deps'
import type { SpendLedger } from '../ledger/spend-ledger'
import { noApiKeyError, type ApiKeyStore } from '../secrets/api-key-store'
import { createKeyOriginGuard } from '../secrets/key-origin-guard'
import type { SettingsService } from '../settings/settings-service'
import { preloadFetch } from '../mulerouter/preload-fetch'
import type { StayAwake } from '../stay-awake'

/** What the workspace tells the window: the engine's events, how saving goes, and whether the network is there. */
type WorkspaceEvents = EngineEvents & { 'project:saveState': SaveState; 'network:status': { online: boolean } }
type WorkspaceEmit = (...args: { [E in keyof WorkspaceEvents]: [event: E, payload: WorkspaceEvents[E]] }[keyof WorkspaceEvents]) => void

type WorkspaceDeps = {
  settings: SettingsService
  apiKey: ApiKeyStore
  emit: WorkspaceEmit
  log: (message: string) => void
  dialogs: Pick<UserQuestions, 'askUnsavedChanges' | 'confirmKeyOrigin' | 'askQueueOnClose'>
  ledger: SpendLedger
  appVersion: string
  fetch?: typeof fetch
  sessionDeps?: SessionDeps | undefined
  generationTiming?: Partial<GenerationTiming> | undefined
  videoLinks?: VideoUrlCheckOptions | undefined
  /** Keeps the machine awake while a take's request is on its way (Electron's power blocker). */
  stayAwake?: StayAwake | undefined
}

/**
 * The project open in this window and its generation engine: one of each, replaced together. Opening, creating
 * and closing run one at a time, and a project is let go of only once it has closed: a close whose save fails
 * keeps it open (with its lock and engine) and says why.
 */
export function createWorkspace(deps: WorkspaceDeps) {
  let session: FileProjectSession | null = null
  let engine: GenerationEngine | null = null
  let unsubscribeSaveState: (() => void) | null = null
  let online = true
  const sessionDeps = deps.sessionDeps ?? defaultSessionDeps
  const operations = new PQueue({ concurrency: 1 })

  const keyGuard = createKeyOriginGuard(deps.apiKey, deps.dialogs.confirmKeyOrigin)
  const client = (baseUrl = resolveBaseUrl(deps.settings.get())): MuleRouterClient => {
    const key = deps.apiKey.get()
    if (key === null) throw new AppErrorException(noApiKeyError())
    const settings = deps.settings.get()
    const mulerouter = createMuleRouterClient({
      baseUrl,
      apiKey: () => keyGuard.keyFor(baseUrl),
      timeoutMs: settings.requestTimeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
      userAgent: `Omniboard/${deps.appVersion} (${process.platform})`,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    })
    const { stayAwake } = deps
    return stayAwake ? { ...mulerouter, submit: (body, options) => stayAwake(() => mulerouter.submit(body, options)) } : mulerouter
  }

  function snapshot(): ProjectSnapshot {
    if (!session) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
    return { path: session.dir, project: session.project(), revision: session.revision() }
  }

  function startEngine(next: FileProjectSession): void {
    if (!deps.fetch) preloadFetch()
    unsubscribeSaveState = next.onSaveState((state) => deps.emit('project:saveState', state))
    engine = createGenerationEngine({
      session: next,
      client,
      imageEncoding: () => deps.settings.get().imageEncoding,
      maxConcurrentJobs: () => deps.settings.get().maxConcurrentJobs,
      emit: deps.emit,
      ledger: deps.ledger,
      budgets: () => deps.settings.get().budgets,
      prices: () => deps.settings.get().prices,
      log: deps.log,
      ...(deps.generationTiming ? { timing: deps.generationTiming } : {}),
      ...(deps.videoLinks ? { checkVideoUrl: (url: string) => checkVideoUrl(url, deps.videoLinks) } : {}),
    })
    engine.setOnline(online)
    // After the open's reply has gone: resuming checks every take's files (1,500 in a feature film), and run
    // alongside it those checks held the reply back by about a second.
    const started = engine
    setImmediate(() => {
      if (engine === started) started.resume().catch((error: unknown) => deps.log(`Resuming takes failed: ${String(error)}`))
    })
  }

  async function stopEngine(): Promise<void> {
    unsubscribeSaveState?.()
    unsubscribeSaveState = null
    const stopping = engine
    engine = null
    await stopping?.dispose()
  }

  /** Runs one open/create: the current project closes first, and a project that then fails to start lets go of its lock. */
  function replaceWith(open: () => Promise<FileProjectSession>, unlessOpen?: string): Promise<ProjectSnapshot> {
    return operations.add(async () => {
      // Reopening the project we already hold would trip over our own lock.
      if (unlessOpen !== undefined && session && resolve(session.dir) === resolve(unlessOpen)) return snapshot()
      await closeCurrent()
      const next = await open()
      try {
        session = next
        startEngine(next)
        rememberRecent(next)
        return snapshot()
      } catch (cause) {
        session = null
        await stopEngine().catch(() => undefined)
        await next.forceClose()
        throw cause
      }
    })
  }

  /** The welcome screen lists what the project looked like when last seen, so it is noted again on close. */
  function rememberRecent(from: ProjectSession): void {
    const project = from.project()
    deps.settings.rememberRecent({
      path: from.dir,
      name: project.name,
      openedAt: new Date().toISOString(),
      clipCount: project.clips.length,
      thumbnailAssetId: project.clips.find((clip) => clip.firstFrameAssetId)?.firstFrameAssetId ?? null,
    })
  }

  /** Queued takes stay in the project and resume on the next open; the user may rather keep it open meanwhile. */
  async function askAboutQueue(closing: ProjectSession): Promise<void> {
    const queue = engine?.queueState()
    if (!queue || queue.queued + queue.running === 0) return
    const choice = await deps.dialogs.askQueueOnClose({ projectName: closing.project().name, queued: queue.queued, running: queue.running })
    if (choice === 'cancel') fail('close_cancelled', 'The project stays open and its queue carries on.', 'Close it again once the queue is done; a closed queue resumes when the project is opened.')
  }

  async function closeCurrent(): Promise<boolean> {
    const closing = session
    if (!closing) return false
    await askAboutQueue(closing)
    const choice = await settleUnsaved(closing, deps.dialogs)
    rememberRecent(closing)
    await stopEngine()
    try {
      if (choice === 'discard') await closing.discardAndClose()
      else await closing.close()
    } catch (cause) {
      // A take the stopping engine journaled could not be saved: the project stays open, generating as before.
      startEngine(closing)
      throw keptOpen(cause)
    }
    session = null
    return true
  }

  return {
    snapshot,
    current: () => session,
    requireSession(): ProjectSession {
      if (!session) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
      return session
    },
    requireEngine(): GenerationEngine {
      if (!engine) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
      return engine
    },
    create: (parentDir: string, name: string) => replaceWith(() => createProject(parentDir, name, sessionDeps, deps.settings.get().defaults)),
    open: (dir: string) => replaceWith(() => openProjectSession(dir, sessionDeps), dir),
    openSample: (parentDir: string) => replaceWith(() => createSampleProject(parentDir, sessionDeps)),
    close: () => operations.add(closeCurrent),
    /** "Changed on disk": take the file's version, keeping what only this window knows about takes. */
    reloadFromDisk: () =>
      operations.add(async () => {
        if (!session) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
        await session.reloadFromDisk()
        return snapshot()
      }),
    /** "Changed on disk": write this window's version, keeping the other program's as a dated copy. */
    keepMine: () =>
      operations.add(async () => {
        if (!session) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
        return session.keepMine()
      }),
    /** Tests the key against `typedBaseUrl` (what the Settings dialog shows now), else the saved base URL. */
    async checkKey(typedBaseUrl?: string) {
      const baseUrl = requireSendableBaseUrl(typedBaseUrl ?? resolveBaseUrl(deps.settings.get()))
      await keyGuard.confirmFor(baseUrl)
      return client(baseUrl).checkKey()
    },
    /** Before a generation action that sends the key: asks if it would go to a new origin. */
    confirmKeyOrigin: () => keyGuard.confirmFor(resolveBaseUrl(deps.settings.get())),
    /**
     * After settings were saved, the engine hears what concerns it: new caps or prices may let held takes go (or
     * hold queued ones), a new concurrency limit hands out slots at once.
     */
    settingsChanged(patch: SettingsPatch): void {
      if (patch.budgets !== undefined || patch.prices !== undefined) engine?.recheckHolds()
      if (patch.maxConcurrentJobs !== undefined) engine?.limitChanged()
    },
    async setProjectCap(capUsd: number | null): Promise<{ capUsd: number | null }> {
      if (!session) fail('project_not_open', 'No project is open.', 'Open a project to set its budget.')
      await session.setBudgetCap(capUsd)
      engine?.recheckHolds()
      return { capUsd }
    },
    setOnline(value: boolean) {
      if (value === online) return
      online = value
      engine?.setOnline(value)
      deps.emit('network:status', { online: value })
    },
  }
}
export type Workspace = ReturnType<typeof createWorkspace>
