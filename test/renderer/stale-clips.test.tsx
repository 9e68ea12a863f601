import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import type { Project } from '../../src/shared/domain/project'
import { clipRequestSnapshot } from '../../src/shared/takes/clip-request'
import { makeTake } from './fake-bridge'
import { threeShotProject, twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

/** Both clips have a chosen, finished take made from exactly what they hold now. */
function generatedProject(project: Project = twoClipProject()): Project {
  const takes = project.clips.map((clip, i) => ({ ...makeTake(clip.id, `take${i + 1}`, 'completed'), request: clipRequestSnapshot(clip, project) }))
  return { ...project, clips: project.clips.map((clip, i) => ({ ...clip, chosenTakeId: `take${i + 1}` })), takes }
}

const card = (n: number) => screen.getByRole('group', { name: `Clip ${n}` })

describe('clips changed since their chosen take', () => {
  it('marks nothing while every clip is what its chosen take was made from', () => {
    renderWithProject(<App />, generatedProject())
    expect(screen.queryByText(/Changed since take/)).not.toBeInTheDocument()
  })

  it('marks an edited clip on its timeline card and lists what changed in the editor', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />, generatedProject())
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), ' in fog')
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip1', patch: { duration: 8 } }))

    expect(within(card(1)).getByText('Changed since take 1')).toHaveAttribute('title', expect.stringMatching(/Prompt, Duration/))
    expect(within(card(2)).queryByText(/Changed since/)).not.toBeInTheDocument()
    const notice = screen.getByRole('region', { name: 'Changed since its take' })
    expect(within(notice).getByText('fog').tagName).toBe('INS')
    expect(within(notice).getByText('5 s → 8 s')).toBeInTheDocument()
  })

  it('names the shot and the direction of each change: "Shot 3: + Thick fog rolls in"', () => {
    renderWithProject(<App />, generatedProject(threeShotProject()))
    act(() => useStore.getState().edit([
      { type: 'updateShot', clipId: 'clip1', shotId: 's2', patch: { duration: 3 } },
      { type: 'updateShot', clipId: 'clip1', shotId: 's3', patch: { prompt: 'Thick fog rolls in' } },
    ]))
    const lines = within(screen.getByRole('region', { name: 'Changed since its take' })).getAllByRole('listitem').map((line) => line.textContent)
    expect(lines).toEqual(expect.arrayContaining(['Shot 2: 4 → 3 s', 'Shot 3: + Thick fog rolls in − Wide again']))
    expect(within(card(1)).getByText('Changed since take 1')).toHaveAttribute('title', expect.stringMatching(/Shot 2, Shot 3/))
  })

  it('marks a clip against its newest finished take when none is chosen', () => {
    const project = generatedProject()
    renderWithProject(<App />, { ...project, clips: project.clips.map((clip) => ({ ...clip, chosenTakeId: null })) })
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip2', patch: { mode: 'std' } }))
    expect(within(card(2)).getByText('Changed since take 1')).toBeInTheDocument()
  })

  it('clears the mark when the clip is edited back', async () => {
    renderWithProject(<App />, generatedProject())
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip2', patch: { sound: 'on' } }))
    expect(within(card(2)).getByText('Changed since take 1')).toBeInTheDocument()
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'clip2', patch: { sound: 'off' } }))
    expect(within(card(2)).queryByText(/Changed since/)).not.toBeInTheDocument()
  })
})
