import { readFileSync } from 'node:fs'
import { createGenerationEngine, type GenerationEngine } from '../main/services/generation'
import type { Emit } from '../main/services/generation/engine-deps'
import { ledgerPath } from '../main/services/ledger/ledger-path'
import { createFileSpendLedger } from '../main/services/ledger/spend-ledger'
import type { ImageEncoding } from '../main/services/mulerouter/build-request'
import { createMuleRouterClient, omniboardUserAgent } from '../main/services/mulerouter/client'
import type { ProjectSession } from '../main/services/project/project-session'
import type { Settings } from '../shared/settings'
import type { CliIo } from './cli-io'

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

export type RunOptions = {
  baseUrl: string
  key: string
  idleTimeoutMs: number
  imageEncoding: ImageEncoding
  concurrency: number
  settings: Settings
  userDataDir: string
}

/** The same engine the app runs (journal, queue, ledger, budgets), for one CLI run against MuleRouter. */
export function createRunEngine(session: ProjectSession, options: RunOptions, io: CliIo, emit: Emit): GenerationEngine {
  return createGenerationEngine({
    session,
    client: () =>
      createMuleRouterClient({
        baseUrl: options.baseUrl,
        apiKey: () => options.key,
        timeoutMs: io.requestTimeoutMs ?? 60_000,
        idleTimeoutMs: options.idleTimeoutMs,
        userAgent: omniboardUserAgent(version),
        ...(io.fetch ? { fetch: io.fetch } : {}),
      }),
    imageEncoding: () => options.imageEncoding,
    // One at a time unless asked: a long storyboard then neither hits rate limits nor spends all at once.
    maxConcurrentJobs: () => options.concurrency,
    ledger: createFileSpendLedger(ledgerPath(options.userDataDir)),
    budgets: () => options.settings.budgets,
    prices: () => options.settings.prices,
    emit,
    ...(io.timing ? { timing: io.timing } : {}),
    log: (message) => io.stderr(`  note: ${message}\n`),
  })
}
