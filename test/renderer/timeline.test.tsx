import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { useStore } from '../../src/renderer/src/store/store'
import { createClip } from '../../src/shared/domain/edits'
import { defaultProjectDefaults } from '../../src/shared/domain/project'
import { threeShotProject, twoClipProject } from './fixtures'
import { clipOf, renderWithProject, settle } from './render-editor'

describe('timeline', () => {
  it('moves a shot boundary one second per arrow key, keeping the clip length', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<Timeline />, threeShotProject())
    const boundary = screen.getByRole('separator', { name: 'Boundary between shot 1 and shot 2 of clip 1' })
    expect(boundary).toHaveAttribute('aria-valuetext', 'Shot 1 3 s, shot 2 4 s')
    boundary.focus()
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(clipOf('clip1').shots.map((s) => s.duration)).toEqual([5, 2, 3])
    expect(clipOf('clip1').duration).toBe(10)
    expect(boundary).toHaveAttribute('aria-valuetext', 'Shot 1 5 s, shot 2 2 s')
    await settle()
    expect(bridge.sentOps()).toEqual([
      { type: 'moveShotBoundary', clipId: 'clip1', shotId: 's1', delta: 1 },
      { type: 'moveShotBoundary', clipId: 'clip1', shotId: 's1', delta: 1 },
    ])
  })

  it('sizes clips and shots by duration at the current zoom', () => {
    renderWithProject(<Timeline />, threeShotProject())
    const clip1 = screen.getByRole('group', { name: 'Clip 1' })
    const clip2 = screen.getByRole('group', { name: 'Clip 2' })
    const width = (el: HTMLElement) => parseFloat(el.style.width)
    // 10 s against 5 s: the difference is exactly five seconds of track.
    expect(width(clip1) - width(clip2)).toBe(5 * 40)
  })

  it('adds a clip with the project defaults and selects it', async () => {
    const user = userEvent.setup()
    renderWithProject(<Timeline />)
    await user.click(screen.getByRole('button', { name: 'Clip' }))
    const clips = useStore.getState().doc!.clips
    expect(clips).toHaveLength(3)
    expect(clips[2]).toMatchObject({ duration: defaultProjectDefaults.duration, mode: defaultProjectDefaults.mode })
    expect(useStore.getState().selectedClipId).toBe(clips[2]!.id)
    expect(screen.getByRole('group', { name: 'Clip 3' })).toBeInTheDocument()
  })

  it('invites a first image into an empty project', () => {
    const project = { ...twoClipProject(), clips: [createClip(defaultProjectDefaults, 'only')], assets: [] }
    renderWithProject(<Timeline />, project)
    expect(screen.getByRole('button', { name: 'First frame of clip 1' })).toHaveTextContent('Drop an image to start from it')
    expect(screen.getByRole('button', { name: 'Last frame of clip 1' })).toBeInTheDocument()
  })

  it('clears a frame with its remove button', async () => {
    const user = userEvent.setup()
    renderWithProject(<Timeline />)
    const assetId = useStore.getState().assets[0]!.id
    act(() => useStore.getState().edit({ type: 'setFrame', clipId: 'clip2', slot: 'first', assetId }))
    await user.click(screen.getByRole('button', { name: 'Remove first frame of clip 2' }))
    expect(clipOf('clip2').firstFrameAssetId).toBeNull()
  })
})
