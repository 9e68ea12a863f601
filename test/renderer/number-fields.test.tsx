import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClipEditor } from '../../src/renderer/src/features/clip-editor/ClipEditor'
import { Inspector } from '../../src/renderer/src/features/inspector/Inspector'
import { DefaultsSection } from '../../src/renderer/src/features/settings/DefaultsSection'
import { threeShotProject } from './fixtures'
import { clipOf, renderWithProject } from './render-editor'

async function typeInto(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field)
  await user.type(field, text)
  await user.tab()
}

describe('numbers out of range', () => {
  it('says why a single-prompt duration of 16 or 2 became 15 or 3', async () => {
    const user = userEvent.setup()
    renderWithProject(<Inspector />)
    const duration = screen.getByRole('spinbutton', { name: 'Duration' })
    await typeInto(user, duration, '16')
    expect(clipOf('clip1').duration).toBe(15)
    expect(duration).toHaveValue(15)
    expect(screen.getByRole('status')).toHaveTextContent('Kling makes 3–15 s; set to 15 s.')
    await typeInto(user, duration, '2')
    expect(clipOf('clip1').duration).toBe(3)
    expect(screen.getByRole('status')).toHaveTextContent('Kling makes 3–15 s; set to 3 s.')
    await typeInto(user, duration, '8')
    expect(clipOf('clip1').duration).toBe(8)
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('says why a multi-shot total of 16 became 15', async () => {
    const user = userEvent.setup()
    renderWithProject(<Inspector />, threeShotProject())
    await typeInto(user, screen.getByRole('spinbutton', { name: 'Duration' }), '16')
    expect(clipOf('clip1').duration).toBe(15)
    expect(screen.getByRole('status')).toHaveTextContent('set to 15 s')
  })

  it('says why a shot set to 10 became 9 when the shots would pass 15 s', async () => {
    const user = userEvent.setup()
    renderWithProject(<ClipEditor />, threeShotProject())
    const shot2 = screen.getByRole('spinbutton', { name: 'Shot 2 duration' })
    await typeInto(user, shot2, '10')
    expect(clipOf('clip1').shots.map((s) => s.duration)).toEqual([3, 9, 3])
    expect(shot2).toHaveValue(9)
    expect(screen.getByRole('status')).toHaveTextContent('The shots of a clip add up to 15 s at most; set to 9 s.')
  })
})

describe('the default duration in Settings', () => {
  it('says why a default of 20 became 15', async () => {
    const user = userEvent.setup()
    renderWithProject(<DefaultsSection />)
    const field = screen.getByRole('spinbutton', { name: 'Duration (s)' })
    await typeInto(user, field, '20')
    expect(field).toHaveValue(15)
    expect(screen.getByRole('status')).toHaveTextContent('Kling makes 3–15 s; set to 15 s.')
    await typeInto(user, field, '7')
    expect(screen.queryByRole('status')).toBeNull()
  })
})
