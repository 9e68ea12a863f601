import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { bundleChild } from './bundle-child'
import type { AppError } from '../../../src/shared/errors'

/** One IPC call of the session as the renderer would have received it (large values summarised). */
export type StepReport = { name: string; channel: string; ms: number; ok: boolean; error?: AppError; value?: unknown }
export type MediaReport = { path: string; status: number; bytes: number }
/** What the child saw: every step, every media answer, every canary it found in a reply, event, media body or print. */
export type SessionReport = { steps: StepReport[]; media: MediaReport[]; leaks: string[]; untransportable: string[] }

export type SessionRun = {
  elapsedMs: number
  /** Killed at the deadline: the step it was in is `lastStep`. */
  timedOut: boolean
  lastStep: string
  report: SessionReport | null
  exit: string
  stderr: string
}


/** Bundled once (packages stay external), so each child starts in a fraction of a second, like the app's main process. */
export const bundleSessionChild = (): Promise<string> => bundleChild(new URL('../hostile-project-child.ts', import.meta.url), 'hostile-project-child')

// A memory bomb in the child must fail there, not take the machine with it. WebAssembly (undici's HTTP parser) would
// reserve more address space than that for its guard pages unless it checks bounds itself.
const ADDRESS_SPACE_KB = 8 * 1024 * 1024
const HEAP_MB = 1536

/**
 * Runs the session on `dir` in a child process of its own (a process group, so ffmpeg runs it started go too) and
 * kills the lot at `deadlineMs`: a main process that freezes or waits on a FIFO forever is then a result to report,
 * not a stuck test run.
 */
export async function runSession(bundle: string, dir: string, marker: string, work: string, deadlineMs: number): Promise<SessionRun> {
  const reportPath = path.join(work, 'report.json')
  const tmp = path.join(work, 'tmp')
  await fs.mkdir(tmp, { recursive: true })
  const started = performance.now()
  const node = [process.execPath, '--disable-wasm-trap-handler', `--max-old-space-size=${HEAP_MB}`, bundle, dir, marker, reportPath]
  // Its temp files (ffmpeg's frames, the animatic's stills) go under `work` too, so nothing is left behind.
  const child = spawn('sh', ['-c', `ulimit -v ${ADDRESS_SPACE_KB}; exec "$0" "$@"`, ...node], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  })
  let lastStep = '(starting)'
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const steps = chunk.toString().split('\n').filter((line) => line.startsWith('step '))
    if (steps.length > 0) lastStep = steps[steps.length - 1]!.slice(5)
  })
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, deadlineMs)
  const exit = await new Promise<string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? `exit ${code}`)))
  clearTimeout(timer)
  // The app's own children (ffmpeg) may outlive a killed main process; they are ours to end.
  killGroup(child.pid)
  const report = await fs.readFile(reportPath, 'utf8').then((text) => JSON.parse(text) as SessionReport, () => null)
  return { elapsedMs: performance.now() - started, timedOut, lastStep, report, exit, stderr }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** At most `limit` sessions at once: the cases wait on hangs more than they use the CPU. */
export function sessionPool(limit: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async function inPool<T>(task: () => Promise<T>): Promise<T> {
    // A finishing session hands its slot straight to the next waiting one.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}
