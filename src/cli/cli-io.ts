import type { GenerationTiming } from '../main/services/generation'

/** Everything the CLI touches outside itself, so tests can run it in-process against a fake server. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: Readonly<Record<string, string | undefined>>
  /** Aborts on Ctrl-C: the CLI stops waiting and leaves sent takes to resume later. */
  interrupt: AbortSignal
  fetch?: typeof fetch
  /** Tests shorten the engine's waits; the terminal uses the app's. */
  timing?: Partial<GenerationTiming>
  requestTimeoutMs?: number
  /** Asks a question on the terminal and resolves with the answer; absent when stdin is not a terminal. */
  ask?: (question: string) => Promise<string>
}
