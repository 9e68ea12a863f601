import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'

export type LineChild = { process: ChildProcessWithoutNullStreams; lines: string[]; stderr: string[]; exited: Promise<void> }

/** Runs a TypeScript child script through tsx and collects what it prints, one line at a time. */
export function startLineChild(script: string, args: readonly string[]): LineChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: process.cwd() })
  const lines: string[] = []
  const stderr: string[] = []
  let partial = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
  })
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  return { process: child, lines, stderr, exited }
}
