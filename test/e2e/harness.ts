import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { _electron, chromium, type Browser, type Page } from 'playwright-core'
import { createDemoProfile, DEMO_FLAG, startDemoServer } from '../../src/main/demo-mode'
import { createOmniboardMain, type Dialogs } from '../../src/main/omniboard-main'
import { appOriginPolicy } from '../../src/main/ipc/router'
import { createMemoryStore } from '../../src/main/services/settings/key-value-store'
import type { EventName, EventPayload } from '../../src/shared/ipc/contract'
import { serveDirectory } from './static-server'
import { preloadInPage } from './preload-shim'
import { pagePdfPrinter } from './support/page-pdf-printer'

const root = resolve(import.meta.dirname, '../..')
export const outDir = join(root, 'out')
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export type HarnessOptions = {
  viewport?: { width: number; height: number }
  dialogs?: Partial<Dialogs>
  /** Start as a brand-new user (the sample project opens by itself); otherwise as one who has used the app. */
  firstStart?: boolean
  /** Start as `npm run demo` does: the demo profile and the built-in fake MuleRouter. */
  demo?: boolean
}

export type Harness = {
  page: Page
  /** Temp folder standing in for the user's Documents; projects are created under it. */
  documentsDir: string
  userDataDir: string
  /** Log lines the main process wrote, to check that secrets never reach them. */
  logs: string[]
  /** Folders the app asked the system file manager to show. */
  revealed: string[]
  /** In demo mode, the demo profile's folders (the user's own `userDataDir` and `documentsDir` stay unused). */
  demoProfile?: { userDataDir: string; documentsDir: string }
  close(): Promise<void>
}

let browser: Browser | null = null

async function sharedBrowser(): Promise<Browser> {
  if (browser?.isConnected()) return browser
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`)
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
  return browser
}

export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = null
}

/**
 * Opens the production renderer build in Chromium, wired to the real main-process composition running in this
 * Node process. Calls travel page → exposeBinding → router.dispatch (same sender check and zod validation as in
 * Electron); events travel back through the preload's own listeners.
 */
export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = join(outDir, 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('No renderer build: run `npm run build` first.')
  const preloadSource = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8')
  const tempRoot = await mkdtemp(join(tmpdir(), 'omniboard-e2e-'))
  const documentsDir = join(tempRoot, 'Documents')
  const userDataDir = join(tempRoot, 'userData')
  const server = await serveDirectory(rendererDir)
  const context = await (await sharedBrowser()).newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } })
  const page = await context.newPage()
  const logs: string[] = []
  const revealed: string[] = []
  const demoProfile = options.demo ? createDemoProfile(tempRoot) : undefined
  const demo = options.demo ? await startDemoServer() : null
  let closed = false

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (closed) return
    page.evaluate(([name, data]) => (window as unknown as { __omniboardEmit(e: string, p: unknown): void }).__omniboardEmit(name, data), [event, payload] as const).catch(() => {})
  }

  const main = createOmniboardMain({
    userDataDir: demoProfile?.userDataDir ?? userDataDir,
    documentsDir: demoProfile?.documentsDir ?? documentsDir,
    // The demo profile is a fresh one, as on a first start; electron-store would keep it in its userData.
    store: createMemoryStore(options.firstStart || demoProfile ? {} : { firstStartDone: true }),
    cipher: null,
    demo: demo ?? undefined,
    appVersion: '0.0.0-e2e',
    platform: process.platform,
    emit,
    log: (line) => void logs.push(line),
    openExternal: async () => {},
    trashItem: async (filePath) => {
      await mkdir(join(tempRoot, 'Trash'), { recursive: true })
      await rename(filePath, join(tempRoot, 'Trash', basename(filePath)))
    },
    mediaBase: server.mediaBase,
    showItemInFolder: (path) => void revealed.push(path),
    dialogs: {
      chooseProjectFolder: options.dialogs?.chooseProjectFolder ?? (async () => null),
      chooseImages: options.dialogs?.chooseImages ?? (async () => []),
      askUnsavedChanges: options.dialogs?.askUnsavedChanges ?? (async () => 'discard'),
      askQueueOnClose: options.dialogs?.askQueueOnClose ?? (async () => 'close'),
      confirmKeyOrigin: options.dialogs?.confirmKeyOrigin ?? (async () => false),
      chooseSavePath: options.dialogs?.chooseSavePath ?? (async () => null),
    },
    pdfPrinter: pagePdfPrinter(sharedBrowser),
  })
  server.setMediaHandler(main.handleMedia)
  const router = main.router(appOriginPolicy([server.url]))

  await page.exposeBinding('__omniboardInvoke', (source, channel: string, payload: unknown) =>
    router.dispatch(channel, payload, { isTopFrame: source.frame === page.mainFrame(), url: source.frame.url() }),
  )
  await page.addInitScript({ content: preloadInPage(preloadSource) })
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`))
  // A CSP violation is as much a bug as an exception: the packaged app would break the same way.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logs.push(`pageerror: CSP: ${message.text()}`)
  })
  await page.goto(server.url)

  return {
    page,
    documentsDir,
    userDataDir,
    logs,
    revealed,
    demoProfile,
    async close() {
      closed = true
      await context.close()
      await main.dispose()
      await demo?.close()
      await server.close()
      await rm(tempRoot, { recursive: true, force: true })
    },
  }
}

/** The packaged-app path: the same specs through Playwright's _electron, where an Electron binary exists. */
export function electronBinary(): string | null {
  if (process.env['OMNIBOARD_E2E_TARGET'] !== 'electron') return null
  try {
    const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
    const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

async function launchElectron(executablePath: string, options: HarnessOptions): Promise<Harness> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'omniboard-e2e-'))
  const documentsDir = join(tempRoot, 'Documents')
  const userDataDir = join(tempRoot, 'userData')
  if (!options.firstStart) {
    // electron-store keeps settings in userData/settings.json; seed it as a returning user's.
    await mkdir(userDataDir, { recursive: true })
    await writeFile(join(userDataDir, 'settings.json'), JSON.stringify({ firstStartDone: true }))
  }
  const app = await _electron.launch({
    executablePath,
    args: [join(outDir, 'main', 'index.js'), ...(options.demo ? [DEMO_FLAG] : [])],
    env: { ...process.env, OMNIBOARD_USER_DATA_DIR: userDataDir, OMNIBOARD_DOCUMENTS_DIR: documentsDir },
  })
  const page = await app.firstWindow()
  if (options.viewport) await page.setViewportSize(options.viewport)
  return {
    page,
    documentsDir,
    userDataDir,
    logs: [],
    revealed: [],
    async close() {
      await app.close()
      await rm(tempRoot, { recursive: true, force: true })
    },
  }
}

/** What specs call: Electron where a binary is there and asked for, otherwise the Chromium harness. */
export async function launchApp(options: HarnessOptions = {}): Promise<Harness> {
  const binary = electronBinary()
  return binary ? launchElectron(binary, options) : launchHarness(options)
}
