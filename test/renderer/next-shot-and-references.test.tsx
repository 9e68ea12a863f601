import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { Take } from '../../src/shared/domain/project'
import { makeAsset, makeTake } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

const facts = { durationSeconds: 5, width: 1280, height: 720, fps: 24, bytes: 3_000_000, contentType: 'video/mp4' }
const finished = (id: string): Take => ({ ...makeTake('clip1', id, 'completed'), taskId: `task-${id}`, finishedAt: new Date().toISOString(), videoFacts: facts })

describe('a next shot from a take', { timeout: 30_000 }, () => {
  it('adds a clip after the take’s clip that follows the take, shown on the timeline and in the editor', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    act(() => bridge.emit('take:updated', { take: finished('take1') }))
    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'New shot from this take' }))
    await settle()
    const clips = useStore.getState().doc!.clips
    expect(clips.map((c) => c.id)[0]).toBe('clip1')
    expect(clips[1]!.videoReference).toEqual({ source: { kind: 'take', takeId: 'take1' }, keepOriginalSound: false })
    expect(clips[2]!.id).toBe('clip2')
    expect(bridge.project.clips[1]!.videoReference?.source).toEqual({ kind: 'take', takeId: 'take1' })
    expect(useStore.getState().selectedClipId).toBe(clips[1]!.id)
    expect(within(screen.getByRole('group', { name: 'Clip 2' })).getByRole('img', { name: 'Next shot of take 1 of clip 1' })).toBeInTheDocument()
    expect(screen.getByRole('status', { name: 'Video this shot follows' })).toHaveTextContent('Next shot of take 1 of clip 1')
  })

  it('measures a source take that was never measured, so the next shot’s video rules can be checked', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    bridge.handle('takes:videoFacts', () => facts)
    act(() => bridge.emit('take:updated', { take: { ...finished('take1'), videoFacts: undefined } }))
    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'New shot from this take' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'takes:videoFacts').map((c) => c.request)).toEqual([{ takeId: 'take1' }])
  })

  it('marks the link when the source clip chooses another take, and follows the new one on request', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    act(() => bridge.emit('take:updated', { take: finished('take1') }))
    act(() => bridge.emit('take:updated', { take: finished('take2') }))
    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'New shot from this take' }))
    const nextId = useStore.getState().doc!.clips[1]!.id
    act(() => useStore.getState().edit({ type: 'chooseTake', clipId: 'clip1', takeId: 'take2' }))
    const glyph = within(screen.getByRole('group', { name: 'Clip 2' })).getByRole('img', { name: /take 2 is chosen there now/ })
    expect(glyph).toHaveClass('chain-glyph--stale')
    await user.click(screen.getByRole('button', { name: 'Follow take 2' }))
    expect(clipOf(nextId).videoReference?.source).toEqual({ kind: 'take', takeId: 'take2' })
    expect(within(screen.getByRole('group', { name: 'Clip 2' })).getByRole('img', { name: 'Next shot of take 2 of clip 1' })).toHaveClass('chain-glyph--linked')
  })

  it('counts the user’s own link only once main has checked it', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    act(() => bridge.emit('take:updated', { take: finished('take1') }))
    await user.click(within(screen.getByRole('listitem', { name: 'Take 1' })).getByRole('button', { name: 'New shot from this take' }))
    const nextId = useStore.getState().doc!.clips[1]!.id
    bridge.handle('video:checkUrl', ({ url }: { url: string }) =>
      url.includes('short') ? { ok: false, error: { code: 'invalid_input', message: 'That video is 2 s long; Kling needs 3–10 s.', hint: 'Use a longer clip.' } } : { url, facts },
    )
    await user.click(screen.getByText(/Use a link to the video instead/))
    const field = screen.getByLabelText('Video link (https)')
    await user.click(field)
    await user.paste('https://cdn.example.com/short.mp4')
    await user.click(screen.getByRole('button', { name: 'Check link' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('That video is 2 s long; Kling needs 3–10 s.')
    expect(clipOf(nextId).videoReference?.source).toEqual({ kind: 'take', takeId: 'take1' })
    await user.clear(field)
    await user.paste('https://cdn.example.com/mine.mp4')
    await user.click(screen.getByRole('button', { name: 'Check link' }))
    await waitFor(() => expect(clipOf(nextId).videoReference?.source).toEqual({ kind: 'url', url: 'https://cdn.example.com/mine.mp4', facts }))
    expect(screen.getByText('In use: 5 s · 1280×720 · 24 fps · 2.9 MB')).toBeInTheDocument()
  })
})

describe('reference images on a clip', { timeout: 30_000 }, () => {
  it('adds images from the bin, names them in the prompt with chips, and renumbers the chips when one is removed', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const panel = () => screen.getByRole('region', { name: 'Reference images' })
    for (const n of [1, 2]) {
      await user.click(within(panel()).getByRole('button', { name: 'Add a reference image' }))
      await user.click(screen.getByRole('button', { name: `Use ${makeAsset(n).originalName}` }))
    }
    expect(clipOf('clip1').referenceImageIds).toEqual([makeAsset(1).id, makeAsset(2).id])
    expect(panel()).toHaveTextContent('2 / 7')
    const prompt = screen.getByRole('textbox', { name: 'Prompt' })
    await user.click(prompt)
    await user.keyboard('{End} in the style of @im')
    expect(within(screen.getByRole('listbox', { name: 'Elements' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Image 1@1', 'Image 2@2'])
    await user.keyboard('{ArrowDown}{Enter}')
    expect(prompt).toHaveValue('A lighthouse at dusk in the style of <<<image_2>>>')
    expect(screen.getByRole('list', { name: 'Elements referenced' })).toHaveTextContent('Image 2')
    await user.click(within(panel()).getByRole('button', { name: 'Remove reference image 1' }))
    expect(clipOf('clip1').referenceImageIds).toEqual([makeAsset(2).id])
    expect(prompt).toHaveValue('A lighthouse at dusk in the style of <<<image_1>>>')
    await settle()
    expect(bridge.project.clips[0]!.prompt).toBe('A lighthouse at dusk in the style of <<<image_1>>>')
  })
})
