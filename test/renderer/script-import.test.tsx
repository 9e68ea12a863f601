import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useScriptImport } from '../../src/renderer/src/features/script/import/script-import-store'
import { useStore } from '../../src/renderer/src/store/store'
import { parseFountain } from '../../src/shared/script/fountain'
import { makeTake } from './fake-bridge'
import { renderWithProject, settle } from './render-editor'

const script = 'Title: Harbour\n\nINT. LIGHTHOUSE - NIGHT #12#\n\nÉlodie climbs the stairs.\n\nÉLODIE\n(to herself)\nNot tonight.\n\nTOMAS (V.O.)\nOpen the door!\n'
const frontal = 'f'.repeat(64)
const asset = { id: frontal, mime: 'image/png' as const, width: 600, height: 800, bytes: 1000, originalName: 'tomas.png', importedAt: '2026-01-01T00:00:00.000Z' }

function withScripts(bridge: ReturnType<typeof renderWithProject>['bridge']) {
  bridge.handle('script:read', (({ bytes }: { bytes: Uint8Array }) => parseFountain(new TextDecoder().decode(bytes))) as never)
  bridge.handle('library:list', (() => [{ id: 'lib-tomas', name: 'Tomas', frontal: { id: frontal, mime: 'image/png', width: 600, height: 800 }, references: [], savedAt: '2026-01-01T00:00:00.000Z' }]) as never)
  bridge.handle('library:insert', (() => ({ name: 'Tomas', frontalAssetId: frontal, referenceAssetIds: [], assets: [asset] })) as never)
}

const pick = async (view: ReturnType<typeof renderWithProject>['view'], file: File) => {
  await userEvent.setup().upload(view.container.querySelector<HTMLInputElement>('input[type="file"][accept*=".fountain"]')!, file)
}

// The dialog's state is window state outside the document store: start each test without a script open.
beforeEach(() => useScriptImport.getState().close())

describe('importing a screenplay in the editor', () => {
  it('takes a character from the library with its image, makes the other a placeholder, and one undo removes the whole import', async () => {
    const user = userEvent.setup()
    const { bridge, view } = renderWithProject(<App />)
    withScripts(bridge)
    const before = useStore.getState().doc!
    await pick(view, new File([script], 'harbour.fountain', { type: 'text/plain' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import Harbour' })
    expect(within(dialog).getByText(/^p\. 1 · .* · 2 clips · \d+ s$/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 clips' }))

    await screen.findByText('Added 2 clips from harbour.fountain.')
    expect(screen.getByText(/1 new character needs a frontal image/)).toBeInTheDocument()
    const doc = useStore.getState().doc!
    expect(doc.elements.slice(before.elements.length).map((e) => [e.name, e.frontalAssetId])).toEqual([['Élodie', null], ['Tomas', frontal]])
    expect(doc.clips.slice(before.clips.length).map((clip) => clip.title)).toEqual(['12 INT. LIGHTHOUSE — NIGHT · 1', '12 INT. LIGHTHOUSE — NIGHT · 2'])
    expect(useStore.getState().assets.map((a) => a.id)).toContain(frontal)
    await settle()
    expect(bridge.project.clips.length).toBe(doc.clips.length)

    await user.keyboard('{Control>}z{/Control}')
    expect(useStore.getState().doc!.clips).toEqual(before.clips)
    expect(useStore.getState().doc!.elements).toEqual(before.elements)
  }, 20_000)

  it('puts the clips in place of the selected clip when asked', async () => {
    const user = userEvent.setup()
    const { bridge, view } = renderWithProject(<App />)
    withScripts(bridge)
    const [first, second] = useStore.getState().doc!.clips
    act(() => useStore.getState().selectClip(second!.id))
    await pick(view, new File([script], 'harbour.fountain', { type: 'text/plain' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import Harbour' })
    await user.click(within(dialog).getByRole('checkbox', { name: 'Replace the selected clip' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 clips' }))
    expect(useStore.getState().doc!.clips.map((clip) => clip.title)).toEqual([first!.title, '12 INT. LIGHTHOUSE — NIGHT · 1', '12 INT. LIGHTHOUSE — NIGHT · 2'])

  }, 20_000)

  it('does not offer to replace a selected clip that has takes', async () => {
    const { bridge, view } = renderWithProject(<App />)
    withScripts(bridge)
    const [first] = useStore.getState().doc!.clips
    act(() => useStore.getState().upsertTake(makeTake(first!.id, 'take-1', 'completed')))
    act(() => useStore.getState().selectClip(first!.id))
    await pick(view, new File([script], 'harbour.fountain', { type: 'text/plain' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import Harbour' })
    expect(within(dialog).getByRole('checkbox', { name: 'Replace the selected clip' })).toBeDisabled()
  })

  it('shows a refused script’s reason and opens no dialog', async () => {
    const { bridge, view } = renderWithProject(<App />)
    bridge.handle('script:read', (() => ({ ok: false, error: { code: 'script_unsafe', message: 'This Final Draft file declares a document type or entities.', hint: 'Save it again.' } })) as never)
    await pick(view, new File(['<!DOCTYPE x>'], 'bomb.fdx'))
    await screen.findByText('This Final Draft file declares a document type or entities.')
    expect(screen.queryByRole('dialog', { name: /^Import / })).toBeNull()
  })

  it('offers to read a script where the timeline is free, not over an image slot, and says what it takes', async () => {
    renderWithProject(<App />)
    const timeline = screen.getByRole('region', { name: 'Timeline' })
    const dataTransfer = { types: ['Files'], files: [new File(['x'], 'notes.docx')], dropEffect: 'none' }
    // Over a clip's image slot the drag is the slot's: the timeline does not offer to read a script.
    fireEvent.dragOver(within(timeline).getByRole('button', { name: 'First frame of clip 1' }), { dataTransfer })
    expect(screen.queryByText('Drop a screenplay to break it down into clips')).toBeNull()
    fireEvent.dragOver(timeline, { dataTransfer })
    expect(screen.getByText('Drop a screenplay to break it down into clips')).toBeInTheDocument()
    fireEvent.drop(timeline, { dataTransfer })
    await screen.findByText('The timeline takes a screenplay.')
  })
})
