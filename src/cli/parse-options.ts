import { parseArgs, type ParseArgsConfig } from 'node:util'

export type UsageError = { command: 'usage-error'; message: string }
export const usageError = (message: string): UsageError => ({ command: 'usage-error', message })

/** A command's words by node:util's parseArgs, strictly and with positionals; an unknown or malformed option is a usage error. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options })
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
}
