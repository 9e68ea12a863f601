import { fork } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../src/shared/ipc/contract'
import type { Result } from '../../src/shared/result'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const builtMain = join(repoRoot, 'out/main/index.js')
const registerUrl = pathToFileURL(join(import.meta.dirname, 'register.mjs')).href

export type Recorded = { seq: number; api: string; args: unknown[] }

export type LaunchOptions = {
  /** What follows `electron <app>` (or the packaged executable) on the command line. */
  args?: string[]
  /** The folder the app is started in, relative to its home; created. */
  cwd?: string
  packaged?: boolean
  /** Another instance already holds the single-instance lock. */
  instanceLocked?: boolean
  env?: Record<string, string>
}

export type StandIn = {
  /** The user's home folder for this run (profile, Documents, temp). */
  home: string
  /** Runs one operation of the stand-in's control channel (electron/control.mjs). */
  op<T = unknown>(name: string, ...args: unknown[]): Promise<T>
  records(api?: string): Promise<Recorded[]>
  /** The first call to `api` (after `afterSeq`) that matches, waiting for it to happen. */
  waitFor(api: string, match?: (entry: Recorded) => boolean, options?: { afterSeq?: number; timeoutMs?: number }): Promise<Recorded>
  /** The page's `ipcRenderer.invoke` from the window's top frame: the reply as the page gets it. */
  invoke<C extends ChannelName>(channel: C, payload: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>>
  /** An invoke that must succeed. */
  call<C extends ChannelName>(channel: C, payload: ChannelRequest<C>): Promise<ChannelResponse<C>>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Every call up to Electron's exit (the stand-in writes them out as it quits). */
  recordsAtExit(): Recorded[]
  output(): string
  close(): Promise<void>
}

const newestMtime = (dir: string): number =>
  Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newestMtime(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)))

/** The stand-in runs what `npm run build` made; a build older than the sources would prove nothing. */
export function builtMainIsCurrent(): boolean {
  if (!existsSync(builtMain)) return false
  return statSync(builtMain).mtimeMs >= Math.max(...['src/main', 'src/shared', 'src/preload', 'src/fake-mulerouter', 'scripts/licenses', 'build/licenses'].map((dir) => newestMtime(join(repoRoot, dir))))
}

/**
 * Starts the built `out/main/index.js` in a child Node process whose `electron` is the stand-in. The app's main
 * module has run when this resolves; Electron is not ready until the test runs `op('ready')`.
 */
export async function launchBuiltMain(options: LaunchOptions = {}): Promise<StandIn> {
  const home = mkdtempSync(join(os.tmpdir(), 'omniboard-standin-'))
  const cwd = join(home, options.cwd ?? '.')
  mkdirSync(join(home, 'tmp'), { recursive: true })
  mkdirSync(cwd, { recursive: true })
  const child = fork(builtMain, options.args ?? [], {
    cwd,
    execArgv: ['--import', registerUrl],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Nothing of the developer's environment: the app's temp folders, logs and profile all land under `home`.
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      TMPDIR: join(home, 'tmp'),
      STANDIN_HOME: home,
      STANDIN_APP_MAIN: builtMain,
      ...(options.packaged ? { STANDIN_PACKAGED: '1' } : {}),
      ...(options.instanceLocked ? { STANDIN_INSTANCE_LOCKED: '1' } : {}),
      ...options.env,
    },
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })))

  let nextId = 1
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let loaded!: () => void
  const loading = new Promise<void>((done) => (loaded = done))
  child.on('message', (message: { loaded?: true; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
    if (message.loaded) return loaded()
    const waiting = pending.get(message.id!)
    pending.delete(message.id!)
    if (message.ok) waiting?.resolve(message.value)
    else waiting?.reject(new Error(message.error))
  })
  void exited.then(() => {
    for (const waiting of pending.values()) waiting.reject(new Error(`The main process exited:\n${output}`))
  })

  const op = <T>(name: string, ...args: unknown[]) =>
    new Promise<T>((resolveOp, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`The main process has exited; cannot run ${name}:\n${output}`))
      const id = nextId++
      pending.set(id, { resolve: resolveOp as (value: unknown) => void, reject })
      child.send({ id, op: name, args })
    })
  const records = async (api?: string) => (await op<Recorded[]>('records')).filter((entry) => api === undefined || entry.api === api)

  const standIn: StandIn = {
    home,
    op,
    records,
    async waitFor(api, match = () => true, { afterSeq = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = (await records(api)).find((entry) => entry.seq > afterSeq && match(entry))
        if (found) return found
        if (Date.now() > deadline) {
          const recent = (await records()).slice(-15).map((entry) => `${entry.seq} ${entry.api} ${JSON.stringify(entry.args).slice(0, 200)}`)
          throw new Error(`Electron saw no matching ${api} within ${timeoutMs} ms. Last calls:\n${recent.join('\n')}\nOutput:\n${output}`)
        }
        await new Promise((wait) => setTimeout(wait, 40))
      }
    },
    invoke: (channel, payload) => op('invoke', channel, payload),
    async call(channel, payload) {
      const reply = await standIn.invoke(channel, payload)
      if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
      return reply.value
    },
    exited,
    recordsAtExit: () => JSON.parse(readFileSync(join(home, 'electron-records.json'), 'utf8')) as Recorded[],
    output: () => output,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
      rmSync(home, { recursive: true, force: true })
    },
  }
  await Promise.race([loading, exited.then(() => Promise.reject(new Error(`The main process exited while loading:\n${output}`)))])
  return standIn
}
