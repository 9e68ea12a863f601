import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { timelineRenderCounts } from '../../src/renderer/src/features/timeline/render-probe'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject } from './render-editor'

describe('render isolation', () => {
  it("typing in clip 1's prompt re-renders clip 1's timeline item and leaves clip 2's alone", async () => {
    const user = userEvent.setup()
    renderWithProject(
      <>
        <ClipEditor />
        <Timeline />
      </>,
    )
    timelineRenderCounts.clear()
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), ' and rain')
    expect(timelineRenderCounts.get('clip1')).toBeGreaterThan(0)
    expect(timelineRenderCounts.get('clip2') ?? 0).toBe(0)
  })

  it('selecting another clip re-renders only the two clips whose outline changes', () => {
    renderWithProject(<Timeline />)
    act(() => useStore.getState().edit({ type: 'addClip', clip: { ...useStore.getState().doc!.clips[0]!, id: 'clip3' } }))
    timelineRenderCounts.clear()
    act(() => useStore.getState().selectClip('clip2'))
    expect(timelineRenderCounts.get('clip1')).toBe(1)
    expect(timelineRenderCounts.get('clip2')).toBe(1)
    expect(timelineRenderCounts.get('clip3') ?? 0).toBe(0)
  })
})
