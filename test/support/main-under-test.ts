import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createOmniboardMain, type OmniboardMainDeps } from '../../src/main/omniboard-main'
import { electronMediaBase } from '../../src/shared/media-paths'
import { appOriginPolicy, type Sender } from '../../src/main/ipc/router'
import { createMemoryStore, type KeyValueStore } from '../../src/main/services/settings/key-value-store'
import { AppErrorSchema, type AppError } from '../../src/shared/errors'
import { contract, type ChannelName, type ChannelRequest, type ChannelResponse, type EventName } from '../../src/shared/ipc/contract'
import type { Result } from '../../src/shared/result'

const APP_URL = 'file:///opt/Omniboard/resources/app/out/renderer/index.html'
/** What the Electron adapter reports for a call from our own window's top frame. */
export const OWN_FRAME: Sender = { isTopFrame: true, url: APP_URL }

export type EmittedEvent = { event: EventName; payload: unknown }

export type MainUnderTest = {
  /** A temp folder standing in for the user's Documents; projects are created under it. */
  documentsDir: string
  store: KeyValueStore
  events: EmittedEvent[]
  logs: string[]
  /** Every reply the router gave, to check what the renderer could ever have seen. */
  replies: Result<unknown>[]
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>
  /** The same router, called by someone else: a sub-frame, another page. */
  dispatchFrom(sender: Sender, channel: string, payload: unknown): Promise<Result<unknown>>
  /** What the page gets for a media URL (a path from `mediaPaths`), as Electron's protocol handler answers it. */
  media(mediaPath: string, init?: RequestInit): Promise<Response>
  /** A typed call that must succeed; throws with the error otherwise. */
  call<C extends ChannelName>(channel: C, payload: ChannelRequest<C>): Promise<ChannelResponse<C>>
  /** A typed call that must fail; returns the error. */
  refusal<C extends ChannelName>(channel: C, payload: unknown): Promise<AppError>
  /** What quitting the app does first: false when the user chose to stay. */
  prepareToQuit(): Promise<boolean>
  dispose(): Promise<void>
}

/**
 * The whole main process as the renderer sees it: createOmniboardMain with plain in-memory settings, and every
 * call going through router.dispatch with our own frame as the sender, exactly as the Electron adapter does.
 */
export async function startMain(overrides: Partial<OmniboardMainDeps> = {}): Promise<MainUnderTest> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-faults-'))
  const documentsDir = path.join(root, 'Documents')
  await fs.mkdir(documentsDir)
  const store = overrides.store ?? createMemoryStore()
  const events: EmittedEvent[] = []
  const logs: string[] = []
  const replies: Result<unknown>[] = []
  const main = createOmniboardMain({
    userDataDir: path.join(root, 'userData'),
    documentsDir,
    store,
    cipher: null,
    appVersion: '0.0.0-faults',
    platform: process.platform,
    emit: (event, payload) => void events.push({ event, payload }),
    log: (line) => void logs.push(line),
    openExternal: async () => {},
    trashItem: async (filePath) => {
      await fs.mkdir(path.join(root, 'Trash'), { recursive: true })
      await fs.rename(filePath, path.join(root, 'Trash', path.basename(filePath)))
    },
    dialogs: { chooseProjectFolder: async () => null, chooseImages: async () => [], askUnsavedChanges: async () => 'discard', askQueueOnClose: async () => 'close', confirmKeyOrigin: async () => false, chooseSavePath: async () => null },
    mediaBase: electronMediaBase,
    // No test may reach the real MuleRouter: anything not pointed at a fake fails like an unplugged cable.
    fetch: async () => {
      throw new TypeError('fetch failed')
    },
    // Nor a user's video link: no host name resolves, so a check is refused at once, as offline.
    videoLinks: { addresses: { resolve: async () => [], kindOf: () => 'public' }, timeoutMs: 1_000 },
    ...overrides,
  })
  const router = main.router(appOriginPolicy(['file:///opt/Omniboard/resources/app/out/renderer/']))

  const dispatch = async (channel: string, payload: unknown) => {
    const reply = await router.dispatch(channel, payload, OWN_FRAME)
    replies.push(reply)
    return reply
  }
  return {
    documentsDir,
    store,
    events,
    logs,
    replies,
    dispatch,
    dispatchFrom: (sender, channel, payload) => router.dispatch(channel, payload, sender),
    media: (mediaPath, init) => main.handleMedia(new Request(electronMediaBase + mediaPath, init)),
    async call(channel, payload) {
      const reply = await dispatch(channel, payload)
      if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
      return contract[channel].response.parse(reply.value) as never
    },
    async refusal(channel, payload) {
      const reply = await dispatch(channel, payload)
      if (reply.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(reply.value).slice(0, 300)}`)
      return AppErrorSchema.parse(reply.error)
    },
    prepareToQuit: () => main.prepareToQuit(),
    async dispose() {
      await main.dispose().catch(() => undefined)
      await fs.rm(root, { recursive: true, force: true })
    },
  }
}

/** Every file under a folder with its bytes, so a test can assert that nothing at all changed on disk. */
export async function snapshotFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), entry.isSymbolicLink() ? `link:${await fs.readlink(full)}` : (await fs.readFile(full)).toString('base64'))
  }
  return files
}

/** A plain-language error: a known code, a sentence for a person (no stack trace), and a next step. */
export function expectPlainError(error: AppError, code: AppError['code'], message?: RegExp): void {
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`)
  if (message && !message.test(error.message)) throw new Error(`message "${error.message}" does not match ${message}`)
  if (/\n\s+at |Error:|\[object /.test(error.message)) throw new Error(`message is not plain language: ${error.message}`)
  if (error.message.length < 10 || error.message.length > 600) throw new Error(`message has an odd length: ${error.message}`)
}

/** Resolves with the first event from `since` on that matches, polling the recorded events. */
export async function waitForEvent(main: MainUnderTest, match: (event: EmittedEvent) => boolean, since = 0, timeoutMs = 5_000): Promise<EmittedEvent> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = main.events.slice(since).find(match)
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(main.events.slice(since)).slice(0, 500)}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
