import { createInterface } from 'node:readline/promises'
import { parseCliArgs } from './args'
import type { CliIo } from './cli-io'
import { exitCodes, type ExitCode } from './exit-codes'
import { helpText } from './help'

/** The whole CLI as a function of its arguments and surroundings, so tests run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv)
  if (args.command === 'help') {
    io.stdout(helpText)
    return exitCodes.ok
  }
  if (args.command === 'usage-error') {
    io.stderr(`omniboard: ${args.message}\n\n${helpText}`)
    return exitCodes.usage
  }
  try {
    // Loaded only when needed: the engine, sharp and the project store would make `--help` wait for nothing.
    if (args.command === 'export') return await (await import('./export')).runExport(args, io)
    if (args.command === 'import-script') return await (await import('./import-script')).runImportScript(args, io)
    if (args.command === 'edit') return await (await import('./edit')).runEdit(args, io)
    const { runRender } = await import('./render')
    return await runRender(args, io)
  } catch (error) {
    // Only programming errors land here; AppErrors were reported with their code already. No stack for users.
    io.stderr(`omniboard: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`)
    return exitCodes.other
  }
}

async function askOnTerminal(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await terminal.question(question)
  } finally {
    terminal.close()
  }
}

/** Entry point used by bin/omniboard.mjs. */
export async function main(): Promise<void> {
  const interrupt = new AbortController()
  let interrupts = 0
  process.on('SIGINT', () => {
    // A second Ctrl-C means "now": the journal is durable, so nothing paid for is lost by leaving at once.
    if (++interrupts > 1) process.exit(exitCodes.interrupted)
    interrupt.abort()
  })
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    interrupt: interrupt.signal,
    ...(process.stdin.isTTY ? { ask: askOnTerminal } : {}),
  })
  process.exitCode = code
}
