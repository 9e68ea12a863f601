import { randomUUID } from 'node:crypto'

export interface FakeTaskError {
  code: number
  title: string
  detail: string
}

export const defaultTaskError: FakeTaskError = {
  code: 3002,
  title: 'Generation failed',
  detail: 'The model provider could not generate this video.',
}

/** A task refused for its content, as Kling reports one through MuleRouter: its content-safety code and reason. */
export const contentRefusalError: FakeTaskError = {
  code: 1301,
  title: 'Content refused',
  detail: 'The prompt or an image did not pass the content safety review.',
}

export type FakePhase = 'pending' | 'processing' | 'completed' | 'failed'

export interface FakeTask {
  id: string
  /** The parsed body that created it. */
  body: unknown
  /** On the fake's clock. */
  createdAtMs: number
  createdAtIso: string
  /** When set, the task ends as `failed` with this error instead of completing. */
  failWith: FakeTaskError | null
  /** Result URLs answer 403, as a presigned URL does after it lapses. */
  expired: boolean
  videoCount: number
  /** The path it was created on (`text-to-video/generation`, `video-to-video/edit`, …); it is read there only. */
  path: string
}

export interface TaskTiming {
  pendingMs: number
  processingMs: number
}

/** What the fake calls each phase; tests may swap in the other words the service is known to use. */
export type StatusWords = Record<FakePhase, string>
export const defaultStatusWords: StatusWords = { pending: 'pending', processing: 'processing', completed: 'completed', failed: 'failed' }

/**
 * The fake's clock: real time plus whatever `advance(ms)` added, or only the latter when manual,
 * so tests can walk a task through its phases without sleeping.
 */
export function createClock(mode: 'real' | 'manual') {
  const startedAt = Date.now()
  let offset = 0
  return {
    now: () => (mode === 'real' ? Date.now() - startedAt : 0) + offset,
    advance: (ms: number) => {
      offset += ms
    },
  }
}

export function createTaskStore(now: () => number, timing: TaskTiming) {
  const tasks = new Map<string, FakeTask>()
  const wallClockAtZero = Date.now()
  const isoAt = (ms: number) => new Date(wallClockAtZero + ms).toISOString()

  function phaseOf(task: FakeTask): FakePhase {
    const age = now() - task.createdAtMs
    if (age < timing.pendingMs) return 'pending'
    if (age < timing.pendingMs + timing.processingMs) return 'processing'
    return task.failWith ? 'failed' : 'completed'
  }

  return {
    tasks,
    phaseOf,
    create(body: unknown, failWith: FakeTaskError | null, videoCount = 1, path = 'text-to-video/generation'): FakeTask {
      const createdAtMs = now()
      const task: FakeTask = { id: randomUUID(), body, createdAtMs, createdAtIso: isoAt(createdAtMs), failWith, expired: false, videoCount, path }
      tasks.set(task.id, task)
      return task
    },
    envelope(task: FakeTask, baseUrl: string, words: StatusWords): Record<string, unknown> {
      const phase = phaseOf(task)
      const info: Record<string, unknown> = {
        id: task.id,
        status: words[phase],
        created_at: task.createdAtIso,
        updated_at: isoAt(Math.max(task.createdAtMs, now())),
      }
      if (phase === 'failed' && task.failWith) info.error = task.failWith
      const envelope: Record<string, unknown> = { task_info: info }
      if (phase === 'completed') envelope.videos = videoUrls(task, baseUrl)
      return envelope
    },
  }
}

export const videoFileName = (index: number): string => `result_${String(index).padStart(3, '0')}.mp4`

export function videoUrls(task: FakeTask, baseUrl: string): string[] {
  return Array.from({ length: task.videoCount }, (_, i) => `${baseUrl}/files/${task.id}/${videoFileName(i)}`)
}
