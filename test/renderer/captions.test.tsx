import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import type { Project } from '../../src/shared/domain/project'
import { twoClipProject } from './fixtures'
import { clipOf, renderWithProject, settle } from './render-editor'

/** Clip 1 (5 s) as a screenplay import leaves it: two speeches attached as its dialogue. */
function scriptedProject(): Project {
  const project = twoClipProject()
  project.clips[0] = {
    ...project.clips[0]!,
    script: {
      sceneKey: 'lighthouse', part: 1, text: 'ÉLODIE: Not tonight.', importedPrompt: 'A lighthouse at dusk', changed: null,
      dialogue: [
        { character: 'ÉLODIE', parenthetical: '(to herself)', text: 'Not tonight.' },
        { character: 'TOMAS', parenthetical: null, text: 'Open the door! The storm is coming in off the water.' },
      ],
    },
  }
  return project
}

const captions = () => screen.getByRole('region', { name: 'Captions' })

describe('the Captions section of the clip editor', { timeout: 20_000 }, () => {
  it('adds a line, types its words and speaker, retimes it, and sends each change to the main process', async () => {
    const user = userEvent.setup({ delay: null })
    const { bridge } = renderWithProject(<App />)
    await user.click(within(captions()).getByRole('button', { name: 'Add line' }))
    expect(clipOf('clip1').captions).toEqual([expect.objectContaining({ text: '', startSeconds: 0, endSeconds: 2 })])

    await user.type(screen.getByRole('textbox', { name: 'Caption 1 text' }), 'Who is there?')
    await user.type(screen.getByRole('textbox', { name: 'Caption 1 speaker' }), 'Élodie')
    const end = screen.getByRole('textbox', { name: 'Caption 1 end (seconds)' })
    await user.clear(end)
    await user.type(end, '3.25{Enter}')
    expect(clipOf('clip1').captions![0]).toMatchObject({ text: 'Who is there?', speaker: 'Élodie', startSeconds: 0, endSeconds: 3.25 })
    await settle()
    expect(bridge.project.clips[0]!.captions![0]).toMatchObject({ text: 'Who is there?', endSeconds: 3.25 })
  })

  it('says when a line does not fit the clip, and refuses a time that is not one', async () => {
    const user = userEvent.setup({ delay: null })
    renderWithProject(<App />)
    await user.click(within(captions()).getByRole('button', { name: 'Add line' }))
    const start = screen.getByRole('textbox', { name: 'Caption 1 start (seconds)' })
    await user.clear(start)
    await user.type(start, '2.5{Enter}')
    expect(within(captions()).getByText('Ends before it starts: it will not show.')).toBeInTheDocument()
    expect(start).toHaveAttribute('aria-invalid', 'true')

    const end = screen.getByRole('textbox', { name: 'Caption 1 end (seconds)' })
    await user.clear(end)
    await user.type(end, '7{Enter}')
    expect(within(captions()).getByText('Runs past the clip’s end (5 s): it is cut there.')).toBeInTheDocument()

    await user.clear(end)
    await user.type(end, 'soon{Enter}')
    expect(end).toHaveValue('7')
    expect(clipOf('clip1').captions![0]!.endSeconds).toBe(7)
  })

  it('removes a line, and Ctrl+Z brings it back', async () => {
    const user = userEvent.setup({ delay: null })
    renderWithProject(<App />)
    await user.click(within(captions()).getByRole('button', { name: 'Add line' }))
    await user.click(within(captions()).getByRole('button', { name: 'Add line' }))
    expect(clipOf('clip1').captions!.map((line) => [line.startSeconds, line.endSeconds])).toEqual([[0, 2], [2, 4]])
    await user.click(screen.getByRole('button', { name: 'Remove caption 1' }))
    expect(clipOf('clip1').captions).toHaveLength(1)
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1').captions).toHaveLength(2)
  })

  it('turns the script’s dialogue into lines spread over the clip, in one undoable step', async () => {
    const user = userEvent.setup({ delay: null })
    renderWithProject(<App />, scriptedProject())
    expect(screen.queryByRole('textbox', { name: 'Caption 1 text' })).toBeNull()
    await user.click(within(captions()).getByRole('button', { name: 'Captions from the script' }))
    const lines = clipOf('clip1').captions!
    expect(lines.map((line) => [line.speaker, line.text])).toEqual([
      ['ÉLODIE', 'Not tonight.'],
      ['TOMAS', 'Open the door! The storm is coming in off the water.'],
    ])
    expect(lines.at(-1)!.endSeconds).toBeLessThanOrEqual(5)
    expect(screen.getByRole('textbox', { name: 'Caption 2 text' })).toHaveValue('Open the door! The storm is coming in off the water.')
    await user.keyboard('{Control>}z{/Control}')
    expect(clipOf('clip1').captions).toBeUndefined()
  })

  it('offers no “from the script” for a clip without dialogue', () => {
    renderWithProject(<App />)
    expect(within(captions()).queryByRole('button', { name: 'Captions from the script' })).toBeNull()
  })
})

describe('captions in Export film', { timeout: 20_000 }, () => {
  it('is off until a clip has lines, then sends the burn-in style the user chose', async () => {
    const user = userEvent.setup({ delay: null })
    const project = twoClipProject()
    const { bridge } = renderWithProject(<App />, project)
    bridge.handle('film:export', (() => ({ path: '/p/exports/Test project 2026-12-07.mp4', method: 'encode', durationSeconds: 10 })) as never)
    await user.click(screen.getAllByRole('button', { name: 'Export film…' })[0]!)
    const dialog = screen.getByRole('dialog', { name: 'Export film' })
    expect(within(dialog).getByText(/No clip has caption lines yet/)).toBeInTheDocument()
    expect(within(dialog).getByRole('radio', { name: 'None' })).toBeChecked()
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!)

    await user.click(within(captions()).getByRole('button', { name: 'Add line' }))
    await user.click(screen.getAllByRole('button', { name: 'Export film…' })[0]!)
    const again = screen.getByRole('dialog', { name: 'Export film' })
    await user.click(within(again).getByRole('radio', { name: 'Burned in' }))
    await user.click(within(again).getByRole('radio', { name: 'Large' }))
    await user.click(within(again).getByRole('radio', { name: 'Top' }))
    await user.click(within(again).getByRole('button', { name: 'Export' }))
    await within(again).findByText(/^Exported/)
    expect(bridge.calls.find((call) => call.channel === 'film:export')?.request).toEqual({
      includeAnimatic: false,
      captions: { mode: 'burn', font: 'regular', size: 'large', position: 'top', marginPercent: 5 },
    })
  })
})
