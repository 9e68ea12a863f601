import { join } from 'node:path'
import type { EventName, EventPayload } from '../shared/ipc/contract'
import { createRouter, type Router, type SenderPolicy } from './ipc/router'
import { createHandlers } from './ipc/handlers'
import { createSettingsService } from './services/settings/settings-service'
import { createApiKeyStore, type KeyCipher } from './services/secrets/api-key-store'
import type { KeyValueStore } from './services/settings/key-value-store'
import type { SessionDeps } from './services/project'
import type { GenerationTiming } from './services/generation/engine-deps'
import type { VideoUrlCheckOptions } from './services/web-video/check-video-url'
import { createWorkspace } from './services/workspace/workspace'
import type { Dialogs } from './dialogs'
import { createMediaRoutes } from './services/media-server/media-routes'
import type { PdfPrinter } from './services/handoff/pdf-printer'
import { createFilmExporter } from './services/media/film-exporter'
import { createCharacterLibrary } from './services/library/character-library'
import { createFileSpendLedger } from './services/ledger/spend-ledger'
import { ledgerPath } from './services/ledger/ledger-path'
import { createLedgerService } from './services/ledger/ledger-service'
import type { StayAwake } from './services/stay-awake'
import type { WindowState } from '../shared/app-commands'

export type { Dialogs } from './dialogs'

export type OmniboardMainDeps = {
  userDataDir: string
  documentsDir: string
  store: KeyValueStore
  cipher: KeyCipher | null
  appVersion: string
  platform: string
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  log: (message: string) => void
  openExternal: (url: string) => Promise<void>
  /** Moves a file to the system trash (Electron's shell.trashItem; the browser harness moves it to a temp folder). */
  trashItem: (filePath: string) => Promise<void>
  dialogs: Dialogs
  /** Where the renderer finds media: the `omniboard-media:` scheme in Electron, a loopback path in the harness. */
  mediaBase: string
  /** Demo mode (`npm run demo`): the built-in fake MuleRouter and its key, for this session only. */
  demo?: { baseUrl: string; apiKey: string }
  fetch?: typeof fetch
  /** Tests only: a faulty disk or a fast autosave for project sessions. */
  sessionDeps?: SessionDeps
  /** Tests only: shorter polling and retry waits for the generation engine. */
  generationTiming?: Partial<GenerationTiming>
  /** Tests only: how users' video links are checked (loopback counts as public, http allowed). */
  videoLinks?: VideoUrlCheckOptions
  /** Prints the storyboard PDF (Electron's printToPDF, or headless Chromium in the harness); without it PDF export is refused. */
  pdfPrinter?: PdfPrinter
  /** Shows a file or folder (an export, the project) in the OS file manager; the harness records what it was asked. */
  showItemInFolder?: (path: string) => void
  /** Electron: the window's state after each change (the native menu follows it). */
  onWindowState?: (state: WindowState) => void
  /** Electron: keeps the machine awake while a take uploads or a film exports. */
  stayAwake?: StayAwake
}

/**
 * Composes the main process from plain services. Electron (src/main/index.ts) and the browser test harness
 * both call this; they differ only in the transport that reaches `router().dispatch`.
 */
export function createOmniboardMain(deps: OmniboardMainDeps) {
  const settings = createSettingsService(deps.store, join(deps.documentsDir, 'Omniboard'))
  const apiKey = createApiKeyStore(deps.store, deps.cipher)
  if (deps.demo) {
    settings.update({ baseUrlPreset: 'custom', customBaseUrl: deps.demo.baseUrl })
    apiKey.set(deps.demo.apiKey)
  }
  // One ledger per process: its appends are ordered, so whoever records rows (the queue) should share this one.
  const spendLedger = createFileSpendLedger(ledgerPath(deps.userDataDir))
  const workspace = createWorkspace({
    settings,
    apiKey,
    emit: deps.emit,
    log: deps.log,
    dialogs: deps.dialogs,
    ledger: spendLedger,
    appVersion: deps.appVersion,
    fetch: deps.fetch,
    sessionDeps: deps.sessionDeps,
    generationTiming: deps.generationTiming,
    videoLinks: deps.videoLinks,
    stayAwake: deps.stayAwake,
  })
  const film = createFilmExporter({
    now: () => new Date(),
    onProgress: (progress) => deps.emit('film:exportProgress', progress),
    ...(deps.stayAwake ? { stayAwake: deps.stayAwake } : {}),
  })
  const library = createCharacterLibrary(join(deps.userDataDir, 'library'))
  const ledger = createLedgerService({ ledger: spendLedger, chooseSavePath: deps.dialogs.chooseSavePath, now: () => new Date() })
  const handlers = createHandlers({ ...deps, settings, apiKey, workspace, film, library, ledger })
  const handleMedia = createMediaRoutes(deps.mediaBase, {
    openProject: () => workspace.current(),
    recentProjects: () => settings.recent(),
    libraryThumbnail: (assetId) => library.thumbnailPath(assetId),
  })
  const routers = new Map<SenderPolicy, Router>()
  let disposed = false

  return {
    router(policy: SenderPolicy): Router {
      let router = routers.get(policy)
      if (!router) routers.set(policy, (router = createRouter(handlers, policy, deps.log)))
      return router
    },
    /** Serves `deps.mediaBase` URLs; Electron's `protocol.handle` and the harness's loopback server both call it. */
    handleMedia,
    setOnline: (online: boolean) => workspace.setOnline(online),
    /** The recent projects, newest first, for File → Open recent and the OS's recent documents. */
    recentProjects: () => settings.recent(),
    isDisposed: () => disposed,
    /**
     * Closes the project before the app quits, asking about changes that could not be saved. False when the user
     * chose to stay (or the close failed): the app must then keep running.
     */
    async prepareToQuit(): Promise<boolean> {
      try {
        await workspace.close()
        return true
      } catch (error) {
        deps.log(`Quit cancelled: ${error instanceof Error ? error.message : String(error)}`)
        return false
      }
    },
    async dispose() {
      disposed = true
      await workspace.close()
    },
  }
}
export type OmniboardMain = ReturnType<typeof createOmniboardMain>
