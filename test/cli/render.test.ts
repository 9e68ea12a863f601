import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProject } from '../../src/main/services/project/load-project'
import { CANARY_KEY } from '../main/generation/harness'
import { pngOf } from '../main/images/test-images'
import { runInProcess, useRenderWorld } from './cli-harness'

describe('omniboard render', () => {
  const world = useRenderWorld(['A lighthouse at dusk', 'Waves on black rocks'])

  const render = (...extra: string[]) => runInProcess(['render', world.projectDir, '--base-url', world.fake.url, '--yes', ...extra], { MULEROUTER_API_KEY: CANARY_KEY })

  it('renders every clip in order: one POST each, a completed take and an mp4 in takes/', async () => {
    const run = await render()
    expect(run.code).toBe(0)
    const { project } = await loadProject(world.projectDir)
    expect(project.takes.map((take) => [take.clipId, take.status])).toEqual(project.clips.map((clip) => [clip.id, 'completed']))
    const files = await readdir(path.join(world.projectDir, 'takes'))
    // Untitled clips: named by timeline place and take number.
    expect(files.sort()).toEqual(['01-clip-take1.mp4', '02-clip-take1.mp4'])
    expect(project.takes.map((take) => take.files[0]?.fileName)).toEqual(['01-clip-take1.mp4', '02-clip-take1.mp4'])
    expect(world.fake.submits().map((request) => (request.body as { prompt: string }).prompt)).toEqual(['A lighthouse at dusk', 'Waves on black rocks'])
    expect(run.stderr).toMatch(/clip 1: pending/)
    expect(run.stderr).toMatch(/✓ clip 2: .*02-clip-take1\.mp4/)
    expect(run.stderr + run.stdout).not.toContain(CANARY_KEY)
  })

  it('--dry-run prints the exact body with shortened images and sends nothing, without a key', async () => {
    const { openProjectSession } = await import('../../src/main/services/project/open-project')
    const { sessionDeps } = await import('../main/generation/harness')
    const session = await openProjectSession(world.projectDir, sessionDeps)
    const png = await pngOf(640, 360)
    const { assets } = await session.importBytes('frame.png', png)
    session.applyEdits([{ type: 'setFrame', clipId: session.project().clips[0]!.id, slot: 'first', assetId: assets[0]!.id }])
    await session.close()

    const short = await runInProcess(['render', world.projectDir, '--clip', '1', '--dry-run'])
    expect(short.code).toBe(0)
    const body = JSON.parse(short.stdout) as Record<string, string>
    const base64 = png.toString('base64')
    expect(body).toEqual({ prompt: 'A lighthouse at dusk', duration: 5, mode: 'pro', aspect_ratio: '16:9', sound: 'off', first_frame: `${base64.slice(0, 8)}…(${base64.length} chars)` })
    expect(short.stderr).toContain('would POST https://api.mulerouter.ai/vendors/klingai/v1/kling-v3-omni/text-to-video/generation')

    const full = await runInProcess(['render', world.projectDir, '--clip', '1', '--dry-run', '--full', '--image-encoding', 'data-uri'])
    expect((JSON.parse(full.stdout) as Record<string, string>).first_frame).toBe(`data:image/png;base64,${base64}`)
    expect(world.fake.requests).toHaveLength(0)
  })

  it('exits 3 for an invalid clip, printing each problem, and sends nothing', async () => {
    const { openProjectSession } = await import('../../src/main/services/project/open-project')
    const { sessionDeps } = await import('../main/generation/harness')
    const session = await openProjectSession(world.projectDir, sessionDeps)
    session.applyEdits([{ type: 'updateClip', clipId: session.project().clips[1]!.id, patch: { prompt: '', duration: 2 } }])
    await session.close()
    const run = await render()
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/clip 2: error: .*2 s/)
    expect(run.stderr).toMatch(/clip 2: error: .*prompt/i)
    expect(world.fake.requests).toHaveLength(0)
    expect((await loadProject(world.projectDir)).project.takes).toHaveLength(0)
  })

  it('exits 3 for a missing project or clip and 2 for bad usage or a missing key', async () => {
    expect((await runInProcess(['render', path.join(world.parent, 'nowhere')])).code).toBe(3)
    expect((await render('--clip', '9')).code).toBe(3)
    expect((await runInProcess(['render'])).code).toBe(2)
    expect((await runInProcess(['render', world.projectDir, '--bogus'])).code).toBe(2)
    expect((await runInProcess(['render', world.projectDir, '--base-url', world.fake.url])).code).toBe(2)
    expect((await runInProcess(['--help'])).stdout).toContain('Exit codes')
  })

  it('exits 5 when the task fails, with the task error in plain words', async () => {
    world.fake.failNextTask({ code: 3001, title: 'Provider error', detail: 'The model timed out.' })
    const run = await render('--clip', '1')
    expect(run.code).toBe(5)
    expect(run.stderr).toMatch(/✗ clip 1: .*The model timed out\./)
  })

  it('follows a take still running from an earlier run instead of sending the clip again', async () => {
    const first = await render('--clip', '1')
    expect(first.code).toBe(0)
    const rerunAfterCrash = await runInProcess(['render', world.projectDir, '--clip', '2', '--base-url', world.fake.url, '--yes'], { MULEROUTER_API_KEY: CANARY_KEY })
    expect(rerunAfterCrash.code).toBe(0)
    expect(world.fake.submits()).toHaveLength(2)
    const text = await readFile(path.join(world.projectDir, 'project.json'), 'utf8')
    expect(text).not.toContain(CANARY_KEY)
  })
})
