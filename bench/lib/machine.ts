import { execFileSync } from 'node:child_process'
import os from 'node:os'

export type Machine = {
  cpus: number
  cpuModel: string
  memoryTotal: string
  memoryFree: string
  node: string
  platform: string
  chromium: string | null
  /** 1-minute load average when the run began: other work on the machine skews every figure. */
  loadAverage1m: number
  date: string
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim()
  } catch {
    return null
  }
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`

/** What the figures were measured on, read at run time (nproc, free -h, node and Chromium versions). */
export function describeMachine(chromiumPath: string): Machine {
  const nproc = Number(run('nproc', []) ?? os.availableParallelism())
  const free = run('free', ['-h'])?.split('\n').find((row) => row.startsWith('Mem:'))?.split(/\s+/)
  return {
    cpus: Number.isFinite(nproc) ? nproc : os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryTotal: free?.[1] ?? gib(os.totalmem()),
    memoryFree: free?.[6] ?? gib(os.freemem()),
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    // Debian's chromium wrapper script prints a shell warning after the version; keep the first line.
    chromium: run(chromiumPath, ['--version'])?.split('\n')[0]?.replace(/\/usr\/bin.*$/, '').trim() ?? null,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    date: new Date().toISOString(),
  }
}
