import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'
import type { CliIo } from '../../src/cli/cli-io'
import { runCli } from '../../src/cli/main'
import type { FakeMuleRouter, FakeMuleRouterOptions } from '../../src/fake-mulerouter'
import type { GenerationTiming } from '../../src/main/services/generation'
import { makeProject, removeDir, startFake, tempDir } from '../main/generation/harness'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** The app's folder for settings and the spend ledger: never this machine's own. */
export const testUserData = mkdtempSync(path.join(tmpdir(), 'omniboard-cli-userdata-'))

const fast: Partial<GenerationTiming> = { firstPollMs: 10, maxPollMs: 40, submitRetryDelaysMs: [10], downloadRetryDelaysMs: [10, 20], progressThrottleMs: 0 }

/** Runs the CLI in this process, exactly as the bin does, with fast polling and captured output. */
export async function runInProcess(
  argv: string[],
  env: Record<string, string | undefined> = {},
  interrupt = new AbortController().signal,
  terminal: Pick<CliIo, 'ask'> = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { OMNIBOARD_USER_DATA_DIR: testUserData, ...env },
    interrupt,
    timing: fast,
    requestTimeoutMs: 2_000,
    ...terminal,
  })
  return { code, stdout, stderr }
}

/** What a render test stands on: a temp folder (`parent`), a closed project of its clips in it, a fake MuleRouter. */
export type RenderWorld = { parent: string; projectDir: string; fake: FakeMuleRouter }

/** A fresh render world for each test of the calling describe block, torn down after it; read it inside each test. */
export function useRenderWorld(prompts: readonly string[], fakeOptions: FakeMuleRouterOptions = {}): RenderWorld {
  const world = {} as RenderWorld
  beforeEach(async () => {
    world.parent = await tempDir()
    world.fake = await startFake(fakeOptions)
    const session = await makeProject(world.parent, prompts)
    world.projectDir = session.dir
    await session.close()
  })
  afterEach(async () => {
    await world.fake.close()
    await removeDir(world.parent)
  })
  return world
}

export const bin = fileURLToPath(new URL('../../bin/omniboard.mjs', import.meta.url))

/** Runs bin/omniboard.mjs (or a copy of it at `script`) in its own process as a user does: real timing, only PATH and `env` set. */
/** Runs `bin/omniboard.mjs` (or a copy of it at `script`) as a user would, with only PATH and `env`. */
export function runBin(args: string[], env: Record<string, string>, timeoutMs = 30_000, script = bin): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', OMNIBOARD_USER_DATA_DIR: testUserData, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}
