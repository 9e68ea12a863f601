import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TakeViewer } from '../../src/renderer/src/features/takes/list/TakeViewer'
import type { Take } from '../../src/shared/domain/project'
import { showSnapshot } from '../../src/renderer/src/app/project-actions'
import { useStore } from '../../src/renderer/src/store/store'
import { FakeBridge, makeTake } from './fake-bridge'
import { twoClipProject } from './fixtures'

function finished(id: string, minutesAgo: number): Take {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString()
  return { ...makeTake('clip1', id, 'completed'), taskId: `task-${id}`, createdAt: at, updatedAt: at, finishedAt: at }
}

/** Clip 1 with two finished takes (take-a older, take-b newer) and take-a chosen. */
function renderTwoTakes() {
  const project = twoClipProject()
  project.takes = [finished('take-a', 10), finished('take-b', 5)]
  project.clips[0] = { ...project.clips[0]!, chosenTakeId: 'take-a' }
  const bridge = new FakeBridge(project)
  bridge.install()
  useStore.setState(useStore.getInitialState(), true)
  useStore.getState().setSettings(bridge.settings)
  showSnapshot(bridge.snapshot())
  render(<TakeViewer />)
}

const row = (name: string) => screen.getByRole('listitem', { name })

afterEach(() => vi.restoreAllMocks())

describe('the take player', () => {
  it('starts the video when the take’s Play button is pressed', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue()
    const user = userEvent.setup()
    renderTwoTakes()
    const names = screen.getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))
    const other = names.find((name) => !within(row(name!)).queryByText('Chosen'))!
    await user.click(within(row(other)).getByRole('button', { name: 'Play' }))
    const video = await screen.findByLabelText(`${other} video`)
    await vi.waitFor(() => expect(play).toHaveBeenCalled())
    expect(play.mock.contexts.at(-1)).toBe(video)
  })

  it('shows the take that was just chosen with "Use this take", even after playing another', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue()
    const user = userEvent.setup()
    renderTwoTakes()
    const names = screen.getAllByRole('listitem').map((item) => item.getAttribute('aria-label')!)
    const chosen = names.find((name) => within(row(name)).queryByText('Chosen'))!
    const other = names.find((name) => name !== chosen)!
    expect(await screen.findByLabelText(`${chosen} video`)).toBeInTheDocument()

    // Watch the other take, then go back to the chosen one: the player follows each step.
    await user.click(within(row(other)).getByRole('button', { name: 'Play' }))
    expect(await screen.findByLabelText(`${other} video`)).toBeInTheDocument()
    await user.click(within(row(other)).getByRole('button', { name: 'Use this take' }))
    await user.click(within(row(chosen)).getByRole('button', { name: 'Play' }))
    expect(await screen.findByLabelText(`${chosen} video`)).toBeInTheDocument()
    await user.click(within(row(chosen)).getByRole('button', { name: 'Use this take' }))
    expect(await screen.findByLabelText(`${chosen} video`)).toBeInTheDocument()

    // Playing one take, then choosing another, shows the newly chosen take.
    await user.click(within(row(chosen)).getByRole('button', { name: 'Play' }))
    await user.click(within(row(other)).getByRole('button', { name: 'Use this take' }))
    expect(await screen.findByLabelText(`${other} video`)).toBeInTheDocument()
  })
})
