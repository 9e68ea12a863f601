import { mkdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createDemoProfile, startDemoServer } from '../../../src/main/demo-mode'
import { createOmniboardMain, type Dialogs } from '../../../src/main/omniboard-main'
import { appOriginPolicy } from '../../../src/main/ipc/router'
import type { PdfPrinter } from '../../../src/main/services/handoff/pdf-printer'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { serveDirectory } from '../static-server'

export type HarnessMainOptions = {
  /** Temp folder for this run: the user's Documents, userData and Trash live under it. */
  tempRoot: string
  rendererDir: string
  dialogs?: Partial<Dialogs>
  firstStart?: boolean
  demo?: boolean
  emit: (event: string, payload: unknown) => void
  pdfPrinter?: PdfPrinter
}

export type HarnessFrame = { isTopFrame: boolean; url: string }

export type HarnessMain = {
  /** Where the renderer build and the media handler are served. */
  url: string
  documentsDir: string
  userDataDir: string
  logs: string[]
  revealed: string[]
  demoProfile?: { userDataDir: string; documentsDir: string }
  dispatch(channel: string, payload: unknown, frame: HarnessFrame): Promise<unknown>
  dispose(): Promise<void>
}

/**
 * The main-process side of the browser harness: the real composition (`createOmniboardMain`) with scripted
 * dialogs and a memory settings store, and the loopback server that stands in for the app's file and media
 * schemes. The page side (`harness-page.ts`) reaches it only through `dispatch` and `emit`, so it runs in the
 * test's process or in a process of its own (the queue bench measures the main process's event loop alone).
 */
export async function startHarnessMain(options: HarnessMainOptions): Promise<HarnessMain> {
  const { tempRoot } = options
  const documentsDir = join(tempRoot, 'Documents')
  const userDataDir = join(tempRoot, 'userData')
  const logs: string[] = []
  const revealed: string[] = []
  const server = await serveDirectory(options.rendererDir)
  const demoProfile = options.demo ? createDemoProfile(tempRoot) : undefined
  const demo = options.demo ? await startDemoServer() : null
  const dialogs = options.dialogs ?? {}

  const main = createOmniboardMain({
    userDataDir: demoProfile?.userDataDir ?? userDataDir,
    documentsDir: demoProfile?.documentsDir ?? documentsDir,
    // The demo profile is a fresh one, as on a first start; electron-store would keep it in its userData.
    store: createMemoryStore(options.firstStart || demoProfile ? {} : { firstStartDone: true }),
    cipher: null,
    demo: demo ?? undefined,
    appVersion: '0.0.0-e2e',
    platform: process.platform,
    emit: options.emit,
    log: (line) => void logs.push(line),
    openExternal: async () => {},
    trashItem: async (filePath) => {
      await mkdir(join(tempRoot, 'Trash'), { recursive: true })
      await rename(filePath, join(tempRoot, 'Trash', basename(filePath)))
    },
    mediaBase: server.mediaBase,
    showItemInFolder: (path) => void revealed.push(path),
    dialogs: {
      chooseProjectFolder: dialogs.chooseProjectFolder ?? (async () => null),
      chooseImages: dialogs.chooseImages ?? (async () => []),
      ...(dialogs.chooseAudio ? { chooseAudio: dialogs.chooseAudio } : {}),
      askUnsavedChanges: dialogs.askUnsavedChanges ?? (async () => 'discard'),
      askQueueOnClose: dialogs.askQueueOnClose ?? (async () => 'close'),
      confirmKeyOrigin: dialogs.confirmKeyOrigin ?? (async () => false),
      chooseSavePath: dialogs.chooseSavePath ?? (async () => null),
    },
    pdfPrinter: options.pdfPrinter,
  })
  server.setMediaHandler(main.handleMedia)
  const router = main.router(appOriginPolicy([server.url]))

  return {
    url: server.url,
    documentsDir,
    userDataDir,
    logs,
    revealed,
    demoProfile,
    dispatch: (channel, payload, frame) => router.dispatch(channel, payload, frame),
    async dispose() {
      await main.dispose()
      await demo?.close()
      await server.close()
    },
  }
}
