import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { Asset, Take } from '../../src/shared/domain/project'
import { makeAsset, makeTake } from './fake-bridge'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

// Whole-app renders on a shared two-core machine take a few seconds each.
vi.setConfig({ testTimeout: 30_000 })

const done = (id: string): Take => ({
  ...makeTake('clip1', id, 'completed'),
  taskId: `task-${id}`,
  finishedAt: new Date().toISOString(),
  files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}.mp4`, bytes: 1000 }],
})

/** jsdom lays nothing out, so its scrollTop stays 0: give the scroll boxes one that keeps what is set. */
function scrollable(element: Element): HTMLElement {
  Object.defineProperty(element, 'scrollTop', { value: 0, writable: true, configurable: true })
  return element as HTMLElement
}

describe('selecting another clip', () => {
  it('opens the new clip at its top, with the chain warning right under its heading', async () => {
    const user = userEvent.setup()
    const project = twoClipProject()
    project.takes = [done('take1'), done('take2')]
    project.clips[0]!.chosenTakeId = 'take1'
    const { bridge, view } = renderWithProject(<App />, project)
    let n = 10
    bridge.handle('frames:grab', ({ takeId, at }: { takeId: string; at: { kind: 'first' | 'last' } }): Asset => ({
      ...makeAsset(n++),
      provenance: { takeId, clipId: 'clip1', timeSeconds: at.kind === 'last' ? 5 : 0, position: at.kind },
    }))
    await user.click(screen.getByRole('button', { name: /Last frame → next clip/ }))
    await screen.findByText('Clip 2 now starts on the last frame of take 1.')
    await user.click(within(screen.getByRole('listitem', { name: 'Take 2' })).getByRole('button', { name: 'Use this take' }))
    const outer = scrollable(view.container.querySelector('.editor__clip-scroll')!)
    const fields = scrollable(view.container.querySelector('.clip-editor__fields')!)
    // Working low down in clip 1.
    outer.scrollTop = 240
    fields.scrollTop = 520

    act(() => useStore.getState().selectClip('clip2'))
    const warning = await screen.findByText(/Chained first frame is from take 1 of clip 1; take 2 is chosen now — update\?/)
    expect(view.container.querySelector('.clip-editor__fields')).toBe(fields)
    expect(fields.scrollTop).toBe(0)
    expect(outer.scrollTop).toBe(0)
    // The warning is the first thing under the heading, so it is in the top of the box that now shows.
    const editor = screen.getByRole('region', { name: 'Clip 2' })
    const heading = within(editor).getByText('Clip 2', { exact: true }).closest('header')!
    expect(heading.nextElementSibling).toBe(warning.closest('[aria-label="Chained frames"]'))
  })
})
