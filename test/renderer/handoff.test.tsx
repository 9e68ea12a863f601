import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { importShotListCsv } from '../../src/shared/interchange/shot-list-import'
import { renderWithProject, settle } from './render-editor'

const shotList = ['Clip,Title,Prompt,Shot type,Shot duration (s),First frame', '1,Harbour,"Boats, mist",,,', '2,Market,Wide,customize,2,', '2,Market,Close,customize,3,', '3,Pier,Waves,,,gone.png'].join('\r\n')

function withImport(bridge: ReturnType<typeof renderWithProject>['bridge']) {
  let n = 0
  bridge.handle('import:shotList', (({ text }: { text: string }) =>
    importShotListCsv(text, { defaults: bridge.project.defaults, assets: bridge.project.assets, elements: bridge.project.elements, newId: () => `imported-${++n}` })) as never)
}

const titles = () => useStore.getState().doc!.clips.map((clip) => clip.title)

describe('hand-off in the title bar', () => {
  it('imports a shot list as clips after the existing ones, reports the row it could not match, and one undo removes them all', async () => {
    const user = userEvent.setup()
    const { bridge, view } = renderWithProject(<App />)
    withImport(bridge)
    const before = titles()
    await user.click(screen.getByRole('button', { name: 'Import shot list…' }))
    await user.upload(view.container.querySelector<HTMLInputElement>('input[type="file"][accept*=".csv"]')!, new File([shotList], 'shots.csv', { type: 'text/csv' }))

    const report = await screen.findByRole('dialog', { name: 'Shot list imported with problems' })
    expect(within(report).getByText(/3 clips were added from/)).toBeInTheDocument()
    expect(within(report).getByText('Row 5').parentElement).toHaveTextContent('First frame: no image named "gone.png" in this project.')
    expect(titles()).toEqual([...before, 'Harbour', 'Market', 'Pier'])
    expect(useStore.getState().doc!.clips.at(-2)?.shots.map((shot) => [shot.prompt, shot.duration])).toEqual([['Wide', 2], ['Close', 3]])
    await settle()
    expect(bridge.project.clips.map((clip) => clip.title)).toEqual(titles())

    await user.click(within(report).getByRole('button', { name: 'Done' }))
    await user.keyboard('{Control>}z{/Control}')
    expect(titles()).toEqual(before)
    // The whole editor renders and a file is read: slower than the 5 s default on a busy machine.
  }, 20_000)

  it('exports the chosen format, shows where it went with any warning, and offers Show in folder', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const exported = '/projects/test/exports/Test.edl'
    bridge.handle('export:handoff', (() => ({ path: exported, warnings: ['Clip 2: its take file is missing. It is left empty in the export.'] })) as never)
    bridge.handle('export:showInFolder', (() => ({ shown: true })) as never)

    await user.click(screen.getByRole('button', { name: 'Export for editor…' }))
    const dialog = screen.getByRole('dialog', { name: 'Export for editor' })
    await user.click(within(dialog).getByRole('radio', { name: /CMX3600 EDL/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent(`Written to ${exported}Clip 2: its take file is missing.`)
    await user.click(within(dialog).getByRole('button', { name: 'Show in folder' }))
    expect(bridge.calls.filter((c) => c.channel.startsWith('export:')).map((c) => c.request)).toEqual([{ format: 'edl' }, { path: exported }])
  })

  it('asks for absolute take URLs in an .otio unless “Media paths relative to the .otio” is ticked', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    bridge.handle('export:handoff', (() => ({ path: '/projects/test/exports/Test.otio', warnings: [] })) as never)
    await user.click(screen.getByRole('button', { name: 'Export for editor…' }))
    const dialog = screen.getByRole('dialog', { name: 'Export for editor' })
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    await within(dialog).findByRole('status')
    await user.click(within(dialog).getByRole('checkbox', { name: /Media paths relative to the \.otio/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    await within(dialog).findByRole('status')
    await user.click(within(dialog).getByRole('radio', { name: /Final Cut Pro XML/ }))
    expect(within(dialog).queryByRole('checkbox')).toBeNull()
    expect(bridge.calls.filter((c) => c.channel === 'export:handoff').map((c) => c.request)).toEqual([
      { format: 'otio', otioMediaPaths: 'absolute' },
      { format: 'otio', otioMediaPaths: 'relative' },
    ])
  })

  it('shows a refused export in the dialog with its hint', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const error = { code: 'export_failed', message: 'Printing a PDF needs Omniboard’s built-in browser.', hint: 'Export the PDF from the app.' }
    bridge.handle('export:handoff', (() => ({ ok: false, error })) as never)
    await user.click(screen.getByRole('button', { name: 'Export for editor…' }))
    await user.click(screen.getByRole('radio', { name: /storyboard/ }))
    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(`${error.message} ${error.hint}`)
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull()
  })
})
