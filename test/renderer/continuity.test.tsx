import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { Asset, Take } from '../../src/shared/domain/project'
import { makeAsset, makeTake } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'
import { twoClipProject } from './fixtures'

// Whole-app renders on a shared two-core machine take a few seconds each.
vi.setConfig({ testTimeout: 30_000 })

const done = (id: string): Take => ({
  ...makeTake('clip1', id, 'completed'),
  taskId: `task-${id}`,
  finishedAt: new Date().toISOString(),
  files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}.mp4`, bytes: 1000 }],
})

/** Clip 1 with two finished takes, take 1 chosen; `frames:grab` answers with a frame that remembers its take. */
function renderWithTakes() {
  const project = twoClipProject()
  project.takes = [done('take1'), done('take2')]
  project.clips[0]!.chosenTakeId = 'take1'
  const rendered = renderWithProject(<App />, project)
  let n = 10
  rendered.bridge.handle('frames:grab', ({ takeId, at }: { takeId: string; at: { kind: 'first' | 'last' } }): Asset => ({
    ...makeAsset(n++),
    provenance: { takeId, clipId: 'clip1', timeSeconds: at.kind === 'last' ? 5 : 0, position: at.kind },
  }))
  return rendered
}

describe('chaining takes', () => {
  it('sets the next clip\u2019s first frame from a take\u2019s last frame in one undoable step', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithTakes()
    await user.click(screen.getByRole('button', { name: /Last frame → next clip/ }))
    await screen.findByText('Clip 2 now starts on the last frame of take 1.')
    const chained = clipOf('clip2').firstFrameAssetId
    expect(useStore.getState().assets.find((a) => a.id === chained)?.provenance?.takeId).toBe('take1')
    expect(bridge.calls.find((c) => c.channel === 'frames:grab')?.request).toEqual({ takeId: 'take1', index: 0, at: { kind: 'last' } })
    expect(screen.getByRole('img', { name: 'Chained to the previous clip' })).toBeInTheDocument()
    await settle()
    expect(bridge.project.clips[1]!.firstFrameAssetId).toBe(chained)

    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip2').firstFrameAssetId).toBeNull()
    await user.keyboard('{Shift>}{Control>}z{/Control}{/Shift}')
    expect(clipOf('clip2').firstFrameAssetId).toBe(chained)
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip2').firstFrameAssetId).toBeNull()
    expect(clipOf('clip1').chosenTakeId).toBe('take1')
  })

  it('warns when the upstream clip chooses another take, and re-chains from it in one click', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithTakes()
    await user.click(screen.getByRole('button', { name: /Last frame → next clip/ }))
    await screen.findByText('Clip 2 now starts on the last frame of take 1.')
    await user.click(within(screen.getByRole('listitem', { name: 'Take 2' })).getByRole('button', { name: 'Use this take' }))
    act(() => useStore.getState().selectClip('clip2'))
    const notice = await screen.findByText(/Chained first frame is from take 1 of clip 1; take 2 is chosen now — update\?/)
    expect(screen.getByRole('img', { name: /no longer chosen/ })).toBeInTheDocument()
    await user.click(within(notice.closest('p')!).getByRole('button', { name: 'Update from take 2' }))
    await screen.findByText('Clip 2 now starts on the last frame of take 2.')
    expect(useStore.getState().assets.find((a) => a.id === clipOf('clip2').firstFrameAssetId)?.provenance?.takeId).toBe('take2')
    expect(screen.queryByText(/is chosen now/)).toBeNull()
    expect(bridge.calls.filter((c) => c.channel === 'frames:grab').at(-1)?.request).toEqual({ takeId: 'take2', index: 0, at: { kind: 'last' } })
  })
})

describe('judging takes', () => {
  it('rates with number keys and chooses with C on the focused take, and hides rejected takes', async () => {
    const user = userEvent.setup()
    renderWithTakes()
    const row = screen.getByRole('listitem', { name: 'Take 2' })
    row.focus()
    await user.keyboard('4')
    expect(clipOf('clip1').takeNotes?.['take2']?.rating).toBe(4)
    await user.keyboard('c')
    expect(clipOf('clip1').chosenTakeId).toBe('take2')
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1').chosenTakeId).toBe('take1')
    expect(clipOf('clip1').takeNotes?.['take2']?.rating).toBe(4)

    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'Reject' }))
    await user.click(screen.getByRole('checkbox', { name: /Hide rejected/ }))
    expect(screen.queryByRole('listitem', { name: 'Take 1' })).toBeNull()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show takes' }), 'unrated')
    expect(screen.queryByRole('listitem', { name: 'Take 2' })).toBeNull()
    expect(screen.getByText('2 hidden')).toBeInTheDocument()
  })
})

describe('comparing takes', () => {
  it('opens two picked takes side by side with what changed in their requests, and chooses one from there', async () => {
    const user = userEvent.setup()
    const project = twoClipProject()
    project.takes = [
      { ...done('take1'), request: { prompt: 'A lighthouse at dusk', duration: 5, mode: 'pro', sound: 'off' } },
      { ...done('take2'), request: { prompt: 'A lighthouse at night', duration: 10, mode: 'pro', sound: 'off' } },
    ]
    renderWithProject(<App />, project)
    expect(screen.getByRole('button', { name: /^Compare/ })).toBeDisabled()
    // Picked newest first: the older take is still the reference, so the diff reads forwards.
    await user.click(screen.getByRole('checkbox', { name: 'Compare take 2' }))
    await user.click(screen.getByRole('checkbox', { name: 'Compare take 1' }))
    await user.click(screen.getByRole('button', { name: 'Compare 2' }))
    const first = within(screen.getByRole('dialog')).getByRole('region', { name: 'Take 1 request changes' })
    expect(within(first).getByRole('heading')).toHaveTextContent('Reference take')
    expect(first).toHaveTextContent('The other takes are compared with this one.')
    const second = within(screen.getByRole('dialog')).getByRole('article', { name: 'Compared take 2' })
    const changes = within(second).getByRole('region', { name: 'Take 2 request changes' })
    expect(changes).toHaveTextContent('Compared with take 1 (reference)')
    expect(within(changes).getAllByRole('listitem').map((line) => line.textContent)).toEqual(['Prompt: Take 2 adds night Take 2 drops dusk', 'Duration: 5 s → 10 s'])
    expect(within(changes).getByText('night').tagName).toBe('INS')
    expect(within(changes).getByText('dusk').tagName).toBe('DEL')
    await user.click(within(second).getByRole('button', { name: 'Choose take 2' }))
    expect(clipOf('clip1').chosenTakeId).toBe('take2')
  })
})

describe('the character library panel', () => {
  it('inserts a saved character as an element of the selected clip, in one undoable step', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const face = makeAsset(30)
    const character = { id: 'mara', name: 'Mara', frontal: { id: face.id, mime: 'image/png' as const, width: 1280, height: 720 }, references: [], savedAt: '2026-01-01T00:00:00.000Z' }
    bridge.handle('library:list', () => [character, { ...character, id: 'ossian', name: 'Ossian' }])
    bridge.handle('library:insert', () => ({ name: 'Mara', frontalAssetId: face.id, referenceAssetIds: [], assets: [face] }))
    const { loadLibrary } = await import('../../src/renderer/src/features/inspector/library/library-actions')
    await act(() => loadLibrary())
    const panel = screen.getByRole('region', { name: 'Character library' })
    await user.type(within(panel).getByRole('searchbox', { name: 'Search the library' }), 'mar')
    expect(within(panel).queryByRole('listitem', { name: 'Library character Ossian' })).toBeNull()
    expect(within(panel).getByRole('listitem', { name: 'Library character Mara' }).querySelector('img')).toHaveAttribute('src', `omniboard-media://media/library/${face.id}`)
    await user.click(within(panel).getByRole('button', { name: 'Insert' }))
    await screen.findByRole('article', { name: 'Element Mara' })
    expect(clipOf('clip1').elementIds).toHaveLength(1)
    expect(useStore.getState().assets.some((asset) => asset.id === face.id)).toBe(true)
    await user.keyboard('{Control>}z{/Control}')
    expect(screen.queryByRole('article', { name: 'Element Mara' })).toBeNull()
    expect(clipOf('clip1').elementIds).toEqual([])
  })
})

describe('deleting a take', () => {
  it('asks first, then moves it to the trash and drops it from the list; the chosen take cannot be deleted', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithTakes()
    bridge.handle('takes:trash', ({ takeId }: { takeId: string }) => ({ takeId }))
    expect(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'Delete take 1' })).toBeDisabled()
    await user.click(within(screen.getByRole('listitem', { name: 'Take 2' })).getByRole('button', { name: 'Delete take 2' }))
    const confirm = screen.getByRole('dialog', { name: 'Delete take 2?' })
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }))
    expect(bridge.calls.some((c) => c.channel === 'takes:trash')).toBe(false)
    await user.click(within(screen.getByRole('listitem', { name: 'Take 2' })).getByRole('button', { name: 'Delete take 2' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Delete take 2?' })).getByRole('button', { name: 'Move to trash' }))
    await act(async () => {})
    expect(bridge.calls.find((c) => c.channel === 'takes:trash')?.request).toEqual({ takeId: 'take2' })
    expect(screen.queryByRole('listitem', { name: 'Take 2' })).toBeNull()
  })
})
