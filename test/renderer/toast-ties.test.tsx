import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { openProjectAt } from '../../src/renderer/src/app/project-actions'
import { useStore } from '../../src/renderer/src/store/store'
import type { Clip } from '../../src/shared/domain/project'
import { importShotListCsv } from '../../src/shared/interchange/shot-list-import'
import { createClip } from '../../src/shared/domain/edits'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

const shotList = ['Clip,Title,Prompt', '1,Harbour,Boats in mist', '2,Market,Stalls open', '3,Pier,Waves'].join('\r\n')
const added = 'Added 3 clips from shots.csv.'

/** A long timeline, so the imported clips land far to the right of what shows. */
function longProject() {
  const project = twoClipProject()
  const more: Clip[] = Array.from({ length: 30 }, (_, i) => ({ ...createClip(project.defaults, `old-${i}`), title: `Old ${i}` }))
  return { ...project, clips: [...project.clips, ...more] }
}

async function importShotList() {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />, longProject())
  let n = 0
  rendered.bridge.handle('import:shotList', (({ text }: { text: string }) =>
    importShotListCsv(text, { defaults: rendered.bridge.project.defaults, assets: [], elements: [], newId: () => `imported-${++n}` })) as never)
  rendered.bridge.handle('project:close', () => ({ closed: true }))
  rendered.bridge.handle('project:open', () => rendered.bridge.snapshot())
  await user.upload(rendered.view.container.querySelector<HTMLInputElement>('input[type="file"][accept*=".csv"]')!, new File([shotList], 'shots.csv', { type: 'text/csv' }))
  await screen.findByText(added)
  return { user, ...rendered }
}

const undoKeys = '{Control>}z{/Control}'

describe('a toast ends with what it speaks of', () => {
  it('selects the first imported clip and scrolls the timeline to it', async () => {
    const { view } = await importShotList()
    expect(useStore.getState().selectedClipId).toBe('imported-1')
    const track = view.container.querySelector<HTMLElement>('.timeline__track')!
    // 32 clips stand before it: the track is scrolled well past its start, to where the new clip begins.
    expect(track.scrollLeft).toBeGreaterThan(1000)
  }, 20_000)

  it('goes when the import is undone, and not when a later edit is', async () => {
    const { user } = await importShotList()
    act(() => useStore.getState().edit({ type: 'updateClip', clipId: 'imported-1', patch: { title: 'Harbour at dawn' } }))
    await user.keyboard(undoKeys)
    expect(screen.getByText(added)).toBeInTheDocument()
    await user.keyboard(undoKeys)
    expect(useStore.getState().doc!.clips).toHaveLength(32)
    expect(screen.queryByText(added)).not.toBeInTheDocument()
  }, 20_000)

  it('goes when the project closes, so neither the welcome screen nor the reopened project shows it', async () => {
    const { user } = await importShotList()
    await user.click(screen.getByRole('button', { name: 'Close project' }))
    await screen.findByRole('button', { name: /new project/i })
    expect(screen.queryByText(added)).not.toBeInTheDocument()
    await act(() => openProjectAt('/projects/test'))
    await screen.findByRole('region', { name: 'Timeline' })
    expect(screen.queryByText(added)).not.toBeInTheDocument()
  }, 40_000)
})
