import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { makeAsset } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

const files = (...names: string[]) => ({
  dataTransfer: { files: names.map((n) => new File([new Uint8Array([1, 2])], n, { type: 'image/png' })), types: ['Files'], getData: () => '' },
})

describe('elements panel', () => {
  it('creates an element from a dropped frontal image and references, attached to the selected clip', async () => {
    const { bridge } = renderWithProject(<App />)
    let n = 20
    bridge.importBytes = () => ({ ok: true, value: { assets: [makeAsset(n++)], rejected: [] } })
    fireEvent.drop(screen.getByLabelText('Create an element from images'), files('front.png', 'left.png', 'right.png'))
    await waitFor(() => expect(useStore.getState().doc!.elements).toHaveLength(2))
    const created = useStore.getState().doc!.elements[1]!
    expect(created.frontalAssetId).toBe(makeAsset(20).id)
    expect(created.referenceAssetIds).toEqual([makeAsset(21).id, makeAsset(22).id])
    expect(clipOf('clip1').elementIds).toEqual([created.id])
  })

  it('deleting an element removes its tokens from the prompts that used it', async () => {
    const user = userEvent.setup()
    renderWithProject(<App />)
    act(() => {
      useStore.getState().edit([
        { type: 'attachElement', clipId: 'clip1', elementId: 'el1' },
        { type: 'updateClip', clipId: 'clip1', patch: { prompt: 'Close on <<<element_1>>> at the lamp' } },
      ])
    })
    await user.click(screen.getByRole('button', { name: 'Delete The keeper' }))
    expect(useStore.getState().doc!.elements).toHaveLength(0)
    expect(clipOf('clip1').prompt).toBe('Close on at the lamp')
  })
})

describe('settings dialog', () => {
  it('never shows the key, says how it is stored, and asks before weaker storage', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await settle()
    bridge.settings = { ...bridge.settings, hasApiKey: false, keyStorage: 'none', secureStorageAvailable: false }
    act(() => useStore.getState().setSettings(bridge.settings))
    bridge.handle('settings:setApiKey', () => ({ ...bridge.settings, hasApiKey: true, keyStorage: 'insecure' }))
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const dialog = screen.getByRole('dialog', { name: 'Settings' })
    expect(dialog).toHaveTextContent('No key is set.')
    await user.type(within(dialog).getByLabelText('API key'), 'sk-live-123456')
    await user.click(within(dialog).getByRole('checkbox', { name: /weaker protection/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Save key' }))
    await settle()
    expect(bridge.calls.find((c) => c.channel === 'settings:setApiKey')?.request).toEqual({ key: 'sk-live-123456', allowInsecureStorage: true, baseUrl: 'https://api.mulerouter.ai' })
    expect(within(dialog).getByLabelText('API key')).toHaveValue('')
    expect(dialog).toHaveTextContent('weaker protection (no system keychain)')
  })

  it('shows the offline badge from network events and explains it', () => {
    const { bridge } = renderWithProject(<App />)
    act(() => bridge.emit('network:status', { online: false }))
    expect(screen.getByText('Offline')).toBeInTheDocument()
    act(() => bridge.emit('network:status', { online: true }))
    expect(screen.queryByText('Offline')).not.toBeInTheDocument()
  })
})
