import { copyFile, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../src/fake-mulerouter'
import { CANARY_KEY, makeProject, removeDir, startFake, tempDir } from '../main/generation/harness'
import { bin, runBin } from './cli-harness'

describe('bin/omniboard.mjs as a user runs it', () => {
  let parent: string
  let fake: FakeMuleRouter

  beforeEach(async () => {
    parent = await tempDir()
    fake = await startFake()
  })
  afterEach(async () => {
    await fake.close()
    await removeDir(parent)
  })

  it('prints help with the exit codes', async () => {
    const run = await runBin(['--help'], {})
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*5 {2}MuleRouter accepted the task but it failed/)
  })

  it('says how to build it when a checkout has no build yet, instead of a stack trace', async () => {
    const unbuilt = path.join(parent, 'checkout', 'bin', 'omniboard.mjs')
    await mkdir(path.dirname(unbuilt), { recursive: true })
    await copyFile(bin, unbuilt)
    const run = await runBin(['--help'], {}, 30_000, unbuilt)
    expect(run.code).toBe(6)
    expect(run.stderr).toContain('Run `npm run build`')
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('renders a project against the fake server and leaves the video in takes/', async () => {
    const session = await makeProject(parent, ['A paper boat in the rain'])
    const dir = session.dir
    await session.close()
    const run = await runBin(['render', dir, '--base-url', fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY })
    expect(run.stderr).toMatch(/✓ clip 1/)
    expect(run.code).toBe(0)
    expect((await readdir(path.join(dir, 'takes'))).filter((name) => name.endsWith('.mp4'))).toHaveLength(1)
    expect(fake.submits()).toHaveLength(1)
    expect(run.stdout + run.stderr).not.toContain(CANARY_KEY)
  })
})
