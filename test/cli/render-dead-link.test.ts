import { cp, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../src/fake-mulerouter'
import { loadProject } from '../../src/main/services/project/load-project'
import { CANARY_KEY, removeDir, startFake, tempDir } from '../main/generation/harness'
import { runBin } from './cli-harness'

const fixture = fileURLToPath(new URL('../fixtures/projects/v1-takes-inside-clips.omniboard', import.meta.url))

describe('omniboard render on a project with a dead result link', () => {
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

  it('ends the dead take as expired, renders the other clip, and exits 6 within a minute', async () => {
    const dir = path.join(parent, 'Old.omniboard')
    await cp(fixture, dir, { recursive: true })
    // Real timing, as a user runs it: the old engine retried the missing video's dead host every 20 s for ever.
    const started = Date.now()
    const run = await runBin(['render', dir, '--base-url', fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY }, 90_000)
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(run.code, run.stderr).toBe(6)
    const { project } = await loadProject(dir)
    const dead = project.takes.find((take) => take.id === 'take-a2')
    expect(dead).toMatchObject({ status: 'failed', taskId: 'task-a2', error: { code: 'download_expired' } })
    expect(dead?.error?.message).toContain('task-a2')
    const kite = project.takes.find((take) => take.clipId === 'clip-b')
    expect(kite).toMatchObject({ status: 'completed' })
    expect(await readdir(path.join(dir, 'takes'))).toEqual(['02-kite-take1.mp4'])
    expect(fake.submits()).toHaveLength(1)
    expect(run.stderr).toMatch(/✗ clip 1 "Beach": The link to this video no longer works/)
    expect(run.stderr).toMatch(/✓ clip 2 "Kite": .*02-kite-take1\.mp4/)
  }, 90_000)
})
