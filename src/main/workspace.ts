import { resolve } from 'node:path'
import type { EventName, EventPayload, ProjectSnapshot } from '../shared/ipc/contract'
import { AppErrorException, fail } from '../shared/errors'
import { resolveBaseUrl } from '../shared/settings'
import type { ProjectSession } from './services/project/project-session'
import { createProject, createSampleProject, defaultSessionDeps, openProjectSession, type SessionDeps } from './services/project'
import { createMuleRouterClient } from './services/mulerouter'
import { createGenerationEngine, type GenerationEngine } from './services/generation'
import type { GenerationTiming } from './services/generation/engine-deps'
import { noApiKeyError, type ApiKeyStore } from './services/secrets/api-key-store'
import type { SettingsService } from './services/settings/settings-service'

type WorkspaceDeps = {
  settings: SettingsService
  apiKey: ApiKeyStore
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  log: (message: string) => void
  appVersion: string
  fetch?: typeof fetch
  sessionDeps?: SessionDeps | undefined
  generationTiming?: Partial<GenerationTiming> | undefined
}

/** The project open in this window and its generation engine: one of each, replaced together. */
export function createWorkspace(deps: WorkspaceDeps) {
  let session: ProjectSession | null = null
  let engine: GenerationEngine | null = null
  let unsubscribeSaveState: (() => void) | null = null
  let online = true
  const sessionDeps = deps.sessionDeps ?? defaultSessionDeps

  const client = () => {
    const key = deps.apiKey.get()
    if (key === null) throw new AppErrorException(noApiKeyError())
    const settings = deps.settings.get()
    return createMuleRouterClient({
      baseUrl: resolveBaseUrl(settings),
      apiKey: () => deps.apiKey.get(),
      timeoutMs: settings.requestTimeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
      userAgent: `Omniboard/${deps.appVersion} (${process.platform})`,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    })
  }

  function snapshot(): ProjectSnapshot {
    if (!session) fail('project_not_open', 'No project is open.', 'Open or create a project first.')
    return { path: session.dir, project: session.project(), revision: session.revision() }
  }

  async function adopt(next: ProjectSession): Promise<ProjectSnapshot> {
    await close()
    session = next
    unsubscribeSaveState = next.onSaveState((state) => deps.emit('project:saveState', state))
    engine = createGenerationEngine({
      session: next,
      client,
      imageEncoding: () => deps.settings.get().imageEncoding,
      maxConcurrentJobs: () => deps.settings.get().maxConcurrentJobs,
      emit: deps.emit,
      log: deps.log,
      ...(deps.generationTiming ? { timing: deps.generationTiming } : {}),
    })
    engine.setOnline(online)
    engine.resume().catch((error: unknown) => deps.log(`Resuming takes failed: ${String(error)}`))
    rememberRecent(next)
    return snapshot()
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

  async function close(): Promise<boolean> {
    if (!session) return false
    const closing = session
    rememberRecent(closing)
    unsubscribeSaveState?.()
    await engine?.dispose()
    session = null
    engine = null
    await closing.close()
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
    create: async (parentDir: string, name: string) => adopt(await createProject(parentDir, name, sessionDeps, deps.settings.get().defaults)),
    async open(dir: string) {
      // Reopening the project we already hold would trip over our own lock.
      if (session && resolve(session.dir) === resolve(dir)) return snapshot()
      return adopt(await openProjectSession(dir, sessionDeps))
    },
    openSample: async (parentDir: string) => adopt(await createSampleProject(parentDir)),
    close,
    checkKey: async () => client().checkKey(),
    setOnline(value: boolean) {
      if (value === online) return
      online = value
      engine?.setOnline(value)
      deps.emit('network:status', { online: value })
    },
  }
}
export type Workspace = ReturnType<typeof createWorkspace>
