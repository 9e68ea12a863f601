import { spawn } from 'node:child_process'
import { AppErrorException, appError } from '../../../shared/errors'
import { cancelledError } from './export-errors'

export interface FfmpegRun {
  /** The bundled binary (see ffmpeg-path.ts); never a system ffmpeg. */
  ffmpegPath: string
  args: readonly string[]
  signal: AbortSignal
  /** Seconds of output written so far, from ffmpeg's `-progress` report. */
  onOutSeconds?: (seconds: number) => void
}

const STDERR_TAIL = 4000

/** Runs ffmpeg to completion; an abort kills it at once and rejects with `export_cancelled`. */
export function runFfmpeg(run: FfmpegRun): Promise<void> {
  if (run.signal.aborted) return Promise.reject(cancelledError())
  return new Promise((resolve, reject) => {
    const child = spawn(run.ffmpegPath, ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', '-loglevel', 'error', ...run.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    })
    let stderr = ''
    const abort = (): void => void child.kill('SIGKILL')
    run.signal.addEventListener('abort', abort, { once: true })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/^out_time_ms=(\d+)$/gm)) run.onOutSeconds?.(Number(match[1]) / 1_000_000)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_TAIL)))
    child.on('error', (cause) => {
      run.signal.removeEventListener('abort', abort)
      reject(failed(`The bundled video encoder could not start (${cause.message}).`, 'Reinstall Omniboard.'))
    })
    child.on('close', (code) => {
      run.signal.removeEventListener('abort', abort)
      if (run.signal.aborted) reject(cancelledError())
      else if (code === 0) resolve()
      else reject(failed(`The video encoder stopped with an error: ${lastLine(stderr)}`, 'Check the takes play on their own, then export again.'))
    })
  })
}

const failed = (message: string, hint: string): AppErrorException => new AppErrorException(appError('export_failed', message, hint))

const lastLine = (text: string): string => text.trim().split('\n').pop()?.slice(0, 300) || 'no details'
