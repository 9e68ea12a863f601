import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { outDir, sharedBrowser } from '../../test/e2e/harness'
import { openHarnessPage } from '../../test/e2e/support/harness-page'
import type { ChildMeasure, ChildMessage, ChildRequest, DispatchTime } from './main-process-messages'

const childEntry = fileURLToPath(new URL('./main-process-child.ts', import.meta.url))

type Request = ChildRequest extends infer R ? (R extends ChildRequest ? Omit<R, 'id'> : never) : never

export type IsolatedHarness = {
  page: Page
  /** Page errors and CSP violations seen in the page. */
  pageLogs: string[]
  /** Log lines the main process wrote. */
  mainLogs(): Promise<string[]>
  /**
   * Every request answered since the last call, in order: the main process's time over it, and the time from its
   * arrival in this process to its answer leaving (the main process plus the hop to the child and back).
   */
  ipcTimes(): Promise<(DispatchTime & { viaChildMs: number })[]>
  /** Starts measuring the main process's event loop and CPU; `stop` answers for the window since. */
  measureMain(): Promise<{ stop(): Promise<ChildMeasure> }>
  close(): Promise<void>
}

/**
 * The browser harness with its main side (`startHarnessMain`) in a child process, as Electron runs it: the page's
 * calls cross two hops (CDP binding → this process → the child over Node's IPC channel with structured clone),
 * its events the same two back. This process keeps only Playwright's client.
 */
export async function launchIsolatedHarness(options: { viewport: { width: number; height: number }; projectFolder: string }): Promise<IsolatedHarness> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'omniboard-bench-'))
  // BENCH_CHILD_ARGS passes Node flags to the main process for a look inside (`--cpu-prof --cpu-prof-dir=…`, `--trace-gc`).
  const flags = process.env['BENCH_CHILD_ARGS']?.split(' ').filter((flag) => flag !== '') ?? []
  const child: ChildProcess = fork(childEntry, { execArgv: ['--import', 'tsx', ...flags], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  let emit: (event: string, payload: unknown) => void = () => {}
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'event') return emit(message.event, message.payload)
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiting?.resolve(message.value)
    else waiting?.reject(new Error(`main process: ${message.message}`))
  })
  child.once('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`the main process exited (${code})`))
    pending.clear()
  })
  const call = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      child.send({ ...request, id })
    })

  const { url } = await call<{ url: string }>({ type: 'start', tempRoot, rendererDir: join(outDir, 'renderer'), projectFolder: options.projectFolder })
  const pageLogs: string[] = []
  const viaChild: number[] = []
  const pageSide = await openHarnessPage({
    browser: await sharedBrowser(),
    outDir,
    viewport: options.viewport,
    dispatch: async (channel, payload, frame) => {
      const startedAt = performance.now()
      const answer = await call({ type: 'invoke', channel, payload, frame })
      viaChild.push(performance.now() - startedAt)
      return answer
    },
    logs: pageLogs,
  })
  emit = pageSide.emit
  await pageSide.page.goto(url)

  return {
    page: pageSide.page,
    pageLogs,
    mainLogs: () => call<string[]>({ type: 'logs' }),
    async ipcTimes() {
      // Answers can overtake each other; the child lists them in the order they finished, as this process saw them.
      const times = await call<DispatchTime[]>({ type: 'dispatchTimes' })
      const hops = viaChild.splice(0)
      return times.map((time, i) => ({ ...time, viaChildMs: hops[i] ?? Number.NaN }))
    },
    async measureMain() {
      await call({ type: 'measure:start' })
      return { stop: () => call<ChildMeasure>({ type: 'measure:stop' }) }
    },
    async close() {
      await pageSide.close()
      await call({ type: 'dispose' })
      child.disconnect()
      await rm(tempRoot, { recursive: true, force: true })
    },
  }
}
