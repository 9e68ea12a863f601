import { startHarnessMain, type HarnessMain } from '../../test/e2e/support/harness-main'
import { trackStalls } from '../lib/stall-tracker'
import type { ChildMessage, ChildRequest, DispatchTime } from './main-process-messages'

/**
 * The harness's main side in a process of its own, as Electron's main process is: the benchmarks then measure
 * its event loop without Playwright's client (which serializes every CDP message in the test's process) sharing
 * it. Started by `isolated-harness.ts` with `fork`; every request is answered by id.
 */
let main: HarnessMain | null = null
let stalls: ReturnType<typeof trackStalls> | null = null
let cpuAtStart: NodeJS.CpuUsage | null = null
let measureStartedAt = 0
const dispatchTimes: DispatchTime[] = []

const send = (message: ChildMessage) => process.send?.(message)

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.type) {
    case 'start': {
      const folder = request.projectFolder
      main = await startHarnessMain({
        tempRoot: request.tempRoot,
        rendererDir: request.rendererDir,
        dialogs: { chooseProjectFolder: async () => folder },
        emit: (event, payload) => send({ type: 'event', event, payload }),
      })
      return { url: main.url }
    }
    case 'invoke': {
      if (!main) throw new Error('the main side has not started')
      const startedAt = performance.now()
      const answer = await main.dispatch(request.channel, request.payload, request.frame)
      dispatchTimes.push({ channel: request.channel, mainMs: performance.now() - startedAt })
      return answer
    }
    case 'dispatchTimes':
      return dispatchTimes.splice(0)
    case 'measure:start':
      stalls = trackStalls()
      cpuAtStart = process.cpuUsage()
      measureStartedAt = performance.now()
      return null
    case 'measure:stop': {
      if (!stalls || !cpuAtStart) throw new Error('no measurement is running')
      const ms = performance.now() - measureStartedAt
      const used = process.cpuUsage(cpuAtStart)
      const result = { ...stalls.stop(), cpuShare: (used.user + used.system) / 1000 / ms }
      stalls = null
      cpuAtStart = null
      return result
    }
    case 'logs':
      return main?.logs ?? []
    case 'dispose':
      await main?.dispose()
      main = null
      return null
  }
}

process.on('message', (request: ChildRequest) => {
  handle(request).then(
    (value) => send({ type: 'reply', id: request.id, ok: true, value }),
    (error: unknown) => send({ type: 'reply', id: request.id, ok: false, message: error instanceof Error ? error.stack ?? error.message : String(error) }),
  )
})
// The parent's death ends this process: nothing else would.
process.on('disconnect', () => process.exit(0))
