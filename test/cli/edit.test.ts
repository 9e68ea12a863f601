import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadProject } from '../../src/main/services/project/load-project'
import { openProjectSession } from '../../src/main/services/project/open-project'
import { createNextShot } from '../../src/shared/domain/create'
import { CANARY_KEY, sessionDeps } from '../main/generation/harness'
import { runInProcess, useRenderWorld } from './cli-harness'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/media/${name}`, import.meta.url))

describe('omniboard edit, and render of a next shot', () => {
  const world = useRenderWorld(['A lighthouse at dusk'], { videoPath: fixture('take-4s-720p.mp4') })
  const key = { MULEROUTER_API_KEY: CANARY_KEY }
  const renderFirst = () => runInProcess(['render', world.projectDir, '--base-url', world.fake.url, '--yes'], key)

  it('edits take 1 of clip 1: one POST to video-to-video/edit, a new completed take of the clip with its lineage', async () => {
    expect((await renderFirst()).code).toBe(0)
    const run = await runInProcess(['edit', world.projectDir, '--clip', '1', '--take', '1', 'Add falling snow', '--keep-sound', '--mode', 'std', '--base-url', world.fake.url, '--yes'], key)
    expect(run.stderr).toContain('Edit of clip 1 take 1: "Add falling snow"')
    expect(run.stderr).toMatch(/✓ edit of clip 1 take 1: .*\.mp4/)
    expect(run.code).toBe(0)
    const [, post] = world.fake.submits()
    expect(world.fake.submits()).toHaveLength(2)
    expect(post!.path).toBe('/vendors/klingai/v1/kling-v3-omni/video-to-video/edit')
    expect(post!.body).toMatchObject({ prompt: 'Add falling snow', mode: 'std', video_list: [{ refer_type: 'base', keep_original_sound: 'yes' }] })
    const { project } = await loadProject(world.projectDir)
    const [source, edit] = project.takes
    expect(edit).toMatchObject({ clipId: source!.clipId, status: 'completed', endpoint: 'video-to-video/edit', edit: { instruction: 'Add falling snow', source: { kind: 'take', takeId: source!.id } } })
  })

  it('--dry-run prints the edit body with the take as take:<id> and sends nothing', async () => {
    expect((await renderFirst()).code).toBe(0)
    const run = await runInProcess(['edit', world.projectDir, '--clip', '1', '--take', '1', 'Same shot at night', '--dry-run'])
    expect(run.code).toBe(0)
    const { project } = await loadProject(world.projectDir)
    expect(JSON.parse(run.stdout)).toEqual({ prompt: 'Same shot at night', mode: 'pro', video_list: [{ video_url: `take:${project.takes[0]!.id}`, refer_type: 'base', keep_original_sound: 'no' }] })
    expect(run.stderr).toContain('would POST https://api.mulerouter.ai/vendors/klingai/v1/kling-v3-omni/video-to-video/edit')
    expect(world.fake.submits()).toHaveLength(1)
  })

  it('refuses a take number the clip does not have, sending nothing', async () => {
    expect((await renderFirst()).code).toBe(0)
    const run = await runInProcess(['edit', world.projectDir, '--clip', '1', '--take', '3', 'Add snow', '--base-url', world.fake.url, '--yes'], key)
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('Clip 1 has no take 3 (it has 1).')
    expect(world.fake.submits()).toHaveLength(1)
  })

  it('render sends a next shot to video-to-video/generation with the source take’s live link', async () => {
    expect((await renderFirst()).code).toBe(0)
    const session = await openProjectSession(world.projectDir, sessionDeps)
    const project = session.project()
    session.applyEdits([{ type: 'addClip', clip: { ...createNextShot(project.defaults, project.clips[0]!, project.takes[0]!.id, 'next-1'), prompt: 'The same move at night' }, index: 1 }])
    const link = project.takes[0]!.files[0]!.url
    await session.close()
    const run = await runInProcess(['render', world.projectDir, '--clip', '2', '--base-url', world.fake.url, '--yes'], key)
    expect(run.code).toBe(0)
    const post = world.fake.submits()[1]!
    expect(post.path).toBe('/vendors/klingai/v1/kling-v3-omni/video-to-video/generation')
    expect(post.body).toMatchObject({ prompt: 'The same move at night', sound: 'off', video_list: [{ video_url: link, refer_type: 'feature' }] })
  })
})
