/** Which kind of request a fault applies to. */
export type Route = 'submit' | 'get' | 'download'

/**
 * One way the fake can misbehave. For `submit`, `afterCreate` says whether the task was created before the
 * failure — the record always tells the truth about it, so tests can count paid tasks.
 */
export type Fault =
  /** An HTTP error with `{detail}`; never creates a task. `retryAfter` in seconds or as an HTTP-date. */
  | { kind: 'status'; status: number; retryAfter?: number | string; detail?: string }
  /** Answers exactly this JSON (e.g. a FastAPI 422 list, or a shape the client must refuse). Never creates a task. */
  | { kind: 'json'; status?: number; body: unknown }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** Never answers; the socket is destroyed when the fake closes. */
  | { kind: 'hang'; afterCreate?: boolean }
  /** Destroys the socket without an answer. */
  | { kind: 'reset'; afterCreate?: boolean }
  /** HTTP 200 with a body that is not JSON. On submit the task is created, as a real server would have. */
  | { kind: 'malformed' }
  /** Download: sends the headers and part of the file, then destroys the socket. */
  | { kind: 'resetMidBody'; afterBytes?: number }
  /** Download: the presigned URL has expired (403). */
  | { kind: 'expired' }
  /** Submit: reads the body no faster than this (a hotel uplink), then answers normally. */
  | { kind: 'throttleUpload'; bytesPerSecond: number }
  /** Submit: drops the connection once this fraction (0–1) of the declared Content-Length has arrived; no task. */
  | { kind: 'cutUpload'; atFraction: number }

/** `{ status: 429, retryAfter: 2 }` is shorthand for `{ kind: 'status', status: 429, retryAfter: 2 }`. */
export type FaultInput = Fault | { status: number; retryAfter?: number | string; detail?: string }

export function normalizeFault(input: FaultInput): Fault {
  return 'kind' in input ? input : { kind: 'status', ...input }
}

export const describeFault = (fault: Fault): string =>
  fault.kind === 'status' ? `status:${fault.status}` : fault.kind === 'json' ? `json:${fault.status ?? 200}` : fault.kind

export type ChaosKind = '429' | '500' | '503' | 'delay' | 'hang' | 'reset' | 'malformed' | 'resetMidBody' | 'expired' | 'taskFailure'

export interface ChaosOptions {
  seed: number
  /** Probability (0–1) that a request, or a new task for `taskFailure`, gets a fault. */
  rate?: number
  kinds?: readonly ChaosKind[]
  delayMs?: number
  retryAfterSeconds?: number
}

export const allChaosKinds: readonly ChaosKind[] = ['429', '500', '503', 'delay', 'hang', 'reset', 'malformed', 'resetMidBody', 'expired', 'taskFailure']

const kindsByRoute: Record<Route, readonly ChaosKind[]> = {
  submit: ['429', '500', '503', 'delay', 'hang', 'reset', 'malformed'],
  get: ['429', '500', '503', 'delay', 'hang', 'reset', 'malformed'],
  download: ['500', '503', 'delay', 'resetMidBody', 'expired'],
}

/** mulberry32: tiny, seedable, and good enough to make a chaos run reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Chaos {
  faultFor(route: Route): Fault | null
  /** Whether a newly created task should end in failure. */
  taskFails(): boolean
}

export function createChaos(options: ChaosOptions): Chaos {
  const random = seededRandom(options.seed)
  const rate = options.rate ?? 0.3
  const enabled = new Set(options.kinds ?? allChaosKinds)
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  return {
    faultFor(route) {
      const kinds = kindsByRoute[route].filter((kind) => enabled.has(kind))
      if (kinds.length === 0 || random() >= rate) return null
      const kind = pick(kinds)
      switch (kind) {
        case '429':
          return { kind: 'status', status: 429, retryAfter: options.retryAfterSeconds ?? 1, detail: 'Rate limit exceeded' }
        case '500':
        case '503':
          return { kind: 'status', status: Number(kind), detail: 'Upstream error' }
        case 'delay':
          return { kind: 'delay', ms: options.delayMs ?? 200 }
        case 'hang':
          return { kind: 'hang', afterCreate: random() < 0.5 }
        case 'reset':
          return { kind: 'reset', afterCreate: random() < 0.5 }
        case 'malformed':
        case 'resetMidBody':
        case 'expired':
          return { kind }
        default:
          return null
      }
    },
    taskFails: () => enabled.has('taskFailure') && random() < rate / 2,
  }
}
