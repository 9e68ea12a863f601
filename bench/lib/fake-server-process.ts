import { spawn } from 'node:child_process'
import { setPriority } from 'node:os'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../../src/fake-mulerouter/cli.ts', import.meta.url))

export type FakeServerProcess = { url: string; key: string; close(): Promise<void> }

/**
 * The fake MuleRouter in a process of its own (`npm run fake-api`), as the real service is elsewhere: checking
 * request bodies and serving videos then costs the benchmarked main process nothing.
 */
export async function startFakeServerProcess(options: { pendingMs: number; processingMs: number; throttleUploadBytesPerSecond?: number }): Promise<FakeServerProcess> {
  const key = 'sk-bench-queue'
  const args = ['--import', 'tsx', cli, '--port', '0', '--key', key, '--pending-ms', String(options.pendingMs), '--processing-ms', String(options.processingMs)]
  if (options.throttleUploadBytesPerSecond !== undefined) args.push('--throttle-upload', String(options.throttleUploadBytesPerSecond))
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  // MuleRouter runs on other machines: on this one its stand-in yields the CPU to the app it is measured against.
  if (child.pid !== undefined) setPriority(child.pid, 10)
  const url = await new Promise<string>((resolve, reject) => {
    let banner = ''
    const onData = (chunk: Buffer) => {
      banner += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(banner)
      if (!found) return
      // From here on it prints a line per request; those are read and dropped so the pipe never fills.
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve(found[1]!)
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => reject(new Error(`the fake MuleRouter exited (${code}) before listening`)))
  })
  return {
    url,
    key,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
