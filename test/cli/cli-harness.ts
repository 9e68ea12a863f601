import { runCli } from '../../src/cli/main'
import type { GenerationTiming } from '../../src/main/services/generation'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

const fast: Partial<GenerationTiming> = { firstPollMs: 10, maxPollMs: 40, submitRetryDelaysMs: [10], downloadRetryDelaysMs: [10, 20], progressThrottleMs: 0 }

/** Runs the CLI in this process, exactly as the bin does, with fast polling and captured output. */
export async function runInProcess(argv: string[], env: Record<string, string | undefined> = {}, interrupt = new AbortController().signal): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    interrupt,
    timing: fast,
    requestTimeoutMs: 2_000,
  })
  return { code, stdout, stderr }
}
