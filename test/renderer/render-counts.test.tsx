import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler, type ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { ElementsPanel } from '../../src/renderer/src/features/inspector/elements/ElementsPanel'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject } from './render-editor'

/** Commits per timeline item, counted by a React Profiler around each one. */
const renders = new Map<string, number>()

vi.mock('../../src/renderer/src/features/timeline/clips/TimelineClip', async (importOriginal) => {
  const { TimelineClip } = await importOriginal<typeof import('../../src/renderer/src/features/timeline/clips/TimelineClip')>()
  return {
    TimelineClip: (props: ComponentProps<typeof TimelineClip>) => (
      <Profiler id={props.clipId} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
        <TimelineClip {...props} />
      </Profiler>
    ),
  }
})

vi.mock('../../src/renderer/src/features/inspector/elements/ElementCard', async (importOriginal) => {
  const { ElementCard } = await importOriginal<typeof import('../../src/renderer/src/features/inspector/elements/ElementCard')>()
  return {
    ElementCard: (props: ComponentProps<typeof ElementCard>) => (
      <Profiler id={`element:${props.element.id}`} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
        <ElementCard {...props} />
      </Profiler>
    ),
  }
})

describe('render isolation', () => {
  it("typing in clip 1's prompt re-renders clip 1's timeline item and leaves clip 2's alone", async () => {
    const user = userEvent.setup()
    renderWithProject(
      <>
        <ClipEditor />
        <Timeline />
      </>,
    )
    renders.clear()
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), ' and rain')
    expect(renders.get('clip1')).toBeGreaterThanOrEqual(' and rain'.length)
    expect(renders.get('clip2') ?? 0).toBe(0)
  })

  it('selecting another clip re-renders only the two clips whose outline changes', () => {
    renderWithProject(<Timeline />)
    act(() => useStore.getState().edit({ type: 'addClip', clip: { ...useStore.getState().doc!.clips[0]!, id: 'clip3' } }))
    renders.clear()
    act(() => useStore.getState().selectClip('clip2'))
    expect(renders.get('clip1')).toBe(1)
    expect(renders.get('clip2')).toBe(1)
    expect(renders.get('clip3') ?? 0).toBe(0)
  })

  it('typing in a prompt leaves the element cards alone', async () => {
    const user = userEvent.setup()
    renderWithProject(
      <>
        <ClipEditor />
        <ElementsPanel />
      </>,
    )
    expect(renders.get('element:el1')).toBeGreaterThan(0)
    // Let the cards' thumbnails arrive first; those renders are not the keystrokes'.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
    renders.clear()
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), ' at night')
    expect(renders.get('element:el1') ?? 0).toBe(0)
  })
})
