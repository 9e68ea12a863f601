import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createChaos, describeFault, normalizeFault, type Chaos, type ChaosOptions, type Fault, type FaultInput, type Route } from './faults'
import { bearerToken, recordRequest, type RecordedRequest } from './recorder'
import { contentRefusalError, createClock, createTaskStore, defaultStatusWords, defaultTaskError, videoFileName, type FakeTask, type FakeTaskError, type StatusWords } from './tasks'
import { FAKE_FETCH_AGENT, validateBodyFor } from './validate-video-body'
import { serveVideo } from './video-route'
import { matchRoute, readBody, type FakePath } from './routes'

export { FAKE_SUBMIT_PATH } from './routes'

export const DEFAULT_FAKE_KEY = 'sk-fake-local'
const defaultVideoPath = new URL('../../test/fixtures/media/sample.mp4', import.meta.url)

export interface FakeMuleRouterOptions {
  port?: number
  host?: string
  /** Keys answered normally. Default `['sk-fake-local']`. */
  keys?: readonly string[]
  /** A key that always gets this fault (e.g. `{ status: 402 }`); such a key counts as known. */
  keyFaults?: Record<string, FaultInput>
  /** `manual`: time moves only with `advance(ms)`. Default `real` (plus anything advanced). */
  clock?: 'real' | 'manual'
  pendingMs?: number
  processingMs?: number
  statusWords?: Partial<StatusWords>
  videoPath?: string | URL
  videosPerTask?: number
  rangeSupport?: boolean
  chaos?: ChaosOptions
  /** Every task ends `failed` with the default error object (code 3002). */
  failTasks?: boolean
  /** Every task ends `failed`, refused for its content (code 1301). */
  refuseTasks?: boolean
  /** Called as each request arrives (the CLI prints them). */
  onRequest?: (request: RecordedRequest) => void
}

export interface FakeMuleRouter {
  url: string
  port: number
  requests: RecordedRequest[]
  tasks: Map<string, FakeTask>
  /** POSTs to the generation path, whatever became of them. */
  submits(): RecordedRequest[]
  /** Every task created, including those whose creation the client never heard of. */
  createdTaskIds(): string[]
  failNext(route: Route, fault: FaultInput, times?: number): void
  /** Every request on the route gets this fault (after any one-shot faults) until set to null. */
  setFault(route: Route, fault: FaultInput | null): void
  setKeyFault(key: string, fault: FaultInput | null): void
  setChaos(options: ChaosOptions | null): void
  clearFaults(): void
  /** The next task created ends `failed` with this error (HTTP 200), after the usual pending/processing. */
  failNextTask(error?: Partial<FakeTaskError>): void
  expireVideos(taskId: string): void
  advance(ms: number): void
  now(): number
  close(): Promise<void>
}

export async function startFakeMuleRouter(options: FakeMuleRouterOptions = {}): Promise<FakeMuleRouter> {
  const video = readFileSync(options.videoPath ?? defaultVideoPath)
  const keys = new Set(options.keys ?? [DEFAULT_FAKE_KEY])
  const keyFaults = new Map(Object.entries(options.keyFaults ?? {}).map(([key, fault]) => [key, normalizeFault(fault)]))
  const queues: Record<Route, Fault[]> = { submit: [], get: [], download: [] }
  const routeFaults = new Map<Route, Fault>()
  const taskFailures: FakeTaskError[] = []
  const clock = createClock(options.clock ?? 'real')
  const store = createTaskStore(clock.now, { pendingMs: options.pendingMs ?? 500, processingMs: options.processingMs ?? 1500 })
  const words: StatusWords = { ...defaultStatusWords, ...options.statusWords }
  let chaos: Chaos | null = options.chaos ? createChaos(options.chaos) : null
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let baseUrl = ''

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  function createTask(record: RecordedRequest, body: unknown, path: FakePath): FakeTask {
    const failWith = taskFailures.shift() ?? (options.refuseTasks ? contentRefusalError : options.failTasks || chaos?.taskFails() ? defaultTaskError : null)
    const task = store.create(body, failWith, options.videosPerTask ?? 1, path)
    record.createdTaskId = task.id
    return task
  }

  function send(res: ServerResponse, record: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    record.status = status
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }

  /** Validates (fetching the video of a video path) and, if the body is acceptable, creates the task. Returns the answer to give. */
  async function trySubmit(req: IncomingMessage, record: RecordedRequest, path: FakePath): Promise<{ status: number; body: unknown }> {
    if (record.bodyIsInvalidJson || record.body === undefined) return { status: 400, body: { detail: 'Request body is not valid JSON' } }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return { status: 400, body: { detail: 'Content-Type must be application/json' } }
    }
    const problems = await validateBodyFor(path, record.body)
    if (problems.length > 0) return { status: 400, body: { detail: problems.join('; ') } }
    const task = createTask(record, record.body, path)
    return { status: 200, body: store.envelope(task, baseUrl, words) }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now()
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const method = req.method ?? 'GET'
    const match = matchRoute(method, path)
    const token = bearerToken(req)
    const auth = !match || match.route === 'download' ? 'not_required' : token === null ? 'missing' : keys.has(token) || keyFaults.has(token) ? 'accepted' : 'rejected'
    // Chosen before the body is read, so a fault can act on the upload itself.
    let fault: Fault | null = null
    // The fake fetching a video it was given stands for MuleRouter's own servers: the client's faults never touch it.
    const ownFetch = req.headers['user-agent'] === FAKE_FETCH_AGENT
    if (match && !ownFetch && (auth === 'accepted' || auth === 'not_required')) {
      fault = (token !== null ? keyFaults.get(token) : undefined) ?? queues[match.route].shift() ?? routeFaults.get(match.route) ?? chaos?.faultFor(match.route) ?? null
    }
    const upload = await readBody(req, {
      ...(fault?.kind === 'throttleUpload' ? { bytesPerSecond: fault.bytesPerSecond } : {}),
      ...(fault?.kind === 'cutUpload' ? { cutAtFraction: fault.atFraction } : {}),
    })
    const record = recordRequest(requests.length + 1, req, match?.route ?? 'unknown', upload.bytes, arrivedAt)
    if (res.closed) record.endedAt = Date.now()
    else res.on('close', () => (record.endedAt = Date.now()))
    if (upload.cut) record.bodyCut = true
    requests.push(record)
    options.onRequest?.(record)
    if (!match) return send(res, record, 404, { detail: 'Not Found' })
    record.auth = auth
    if (auth === 'missing' || auth === 'rejected') return send(res, record, 401, { detail: 'Invalid or missing API key' })
    if (fault) record.fault = describeFault(fault)
    // A body cut short is not JSON: there is nothing a server could create a task from, nor anyone to answer.
    if (upload.cut) return
    if (fault?.kind === 'throttleUpload') fault = null
    if (fault?.kind === 'delay') {
      await sleep(fault.ms)
      fault = null
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }
      return send(res, record, fault.status, { detail: fault.detail ?? `Simulated HTTP ${fault.status}` }, headers)
    }
    if (fault?.kind === 'json') return send(res, record, fault.status ?? 200, fault.body)
    if (fault?.kind === 'hang' || fault?.kind === 'reset') {
      if (match.route === 'submit' && fault.afterCreate) await trySubmit(req, record, match.path)
      if (fault.kind === 'reset') req.socket.destroy()
      return
    }
    if (fault?.kind === 'malformed') {
      if (match.route === 'submit') await trySubmit(req, record, match.path)
      record.status = 200
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end('{"task_info": {"id": "')
    }

    if (match.route === 'submit') {
      const answer = await trySubmit(req, record, match.path)
      return send(res, record, answer.status, answer.body)
    }
    const task = store.tasks.get(match.taskId)
    if (match.route === 'get') {
      // A task is read on the path it was made on: polling the wrong path finds nothing, as at MuleRouter.
      if (!task || task.path !== match.path) return send(res, record, 404, { detail: 'Task not found' })
      return send(res, record, 200, store.envelope(task, baseUrl, words))
    }
    if (fault?.kind === 'expired' && task) task.expired = true
    const index = Array.from({ length: task?.videoCount ?? 0 }, (_, i) => videoFileName(i)).indexOf(match.fileName)
    if (!task || index < 0 || store.phaseOf(task) !== 'completed') return send(res, record, 404, { detail: 'No such file' })
    if (task.expired) {
      record.status = 403
      res.writeHead(403, { 'Content-Type': 'application/xml' })
      return void res.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>')
    }
    record.status = serveVideo(req, res, {
      video,
      rangeSupport: options.rangeSupport !== false,
      ...(fault?.kind === 'resetMidBody' ? { resetAfterBytes: fault.afterBytes ?? Math.floor(video.length / 2) } : {}),
    })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ detail: `fake server error: ${String(error)}` }))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`

  return {
    url: baseUrl,
    port,
    requests,
    tasks: store.tasks,
    submits: () => requests.filter((request) => request.route === 'submit'),
    createdTaskIds: () => requests.flatMap((request) => (request.createdTaskId ? [request.createdTaskId] : [])),
    failNext: (route, fault, times = 1) => {
      for (let i = 0; i < times; i++) queues[route].push(normalizeFault(fault))
    },
    setFault: (route, fault) => {
      if (fault) routeFaults.set(route, normalizeFault(fault))
      else routeFaults.delete(route)
    },
    setKeyFault: (key, fault) => {
      if (fault) keyFaults.set(key, normalizeFault(fault))
      else keyFaults.delete(key)
    },
    setChaos: (chaosOptions) => {
      chaos = chaosOptions ? createChaos(chaosOptions) : null
    },
    clearFaults: () => {
      for (const queue of Object.values(queues)) queue.length = 0
      routeFaults.clear()
      taskFailures.length = 0
      chaos = null
    },
    failNextTask: (error) => void taskFailures.push({ ...defaultTaskError, ...error }),
    expireVideos: (taskId) => {
      const task = store.tasks.get(taskId)
      if (task) task.expired = true
    },
    advance: clock.advance,
    now: clock.now,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      // Hung requests would keep close() waiting forever; end them the way a dying server would.
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
