import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, chromium, type Browser, type Page } from 'playwright-core'
import { DEMO_FLAG } from '../../src/main/demo-mode'
import type { Dialogs } from '../../src/main/omniboard-main'
import { startHarnessMain } from './support/harness-main'
import { openHarnessPage, type HarnessPage } from './support/harness-page'
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

export async function sharedBrowser(): Promise<Browser> {
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
  const tempRoot = await mkdtemp(join(tmpdir(), 'omniboard-e2e-'))
  let pageSide: HarnessPage | null = null
  const main = await startHarnessMain({
    tempRoot,
    rendererDir,
    dialogs: options.dialogs,
    firstStart: options.firstStart,
    demo: options.demo,
    emit: (event, payload) => pageSide?.emit(event, payload),
    pdfPrinter: pagePdfPrinter(sharedBrowser),
  })
  pageSide = await openHarnessPage({
    browser: await sharedBrowser(),
    outDir,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    dispatch: main.dispatch,
    logs: main.logs,
  })
  const { page } = pageSide
  await page.goto(main.url)

  return {
    page,
    documentsDir: main.documentsDir,
    userDataDir: main.userDataDir,
    logs: main.logs,
    revealed: main.revealed,
    demoProfile: main.demoProfile,
    async close() {
      await pageSide?.close()
      await main.dispose()
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
