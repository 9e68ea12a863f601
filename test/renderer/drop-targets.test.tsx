import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AssetBin } from '../../src/renderer/src/features/assets/bin/AssetBin'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { ASSET_MIME } from '../../src/renderer/src/features/assets/image-drop/use-image-drop'
import { useStore } from '../../src/renderer/src/store/store'
import { makeAsset } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

/** jsdom has no DataTransfer; this carries real File objects the way a drop from the file manager does. */
function osFileDrop(files: File[]) {
  return { dataTransfer: { files, types: ['Files'], getData: () => '', dropEffect: 'none' } }
}

function assetDrop(assetId: string) {
  return { dataTransfer: { files: [], types: [ASSET_MIME], getData: (type: string) => (type === ASSET_MIME ? assetId : ''), dropEffect: 'none' } }
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'harbour.png', { type: 'image/png' })

describe('image drop targets', () => {
  it('imports an OS file dropped on the first-frame slot and sets it as the first frame', async () => {
    const { bridge } = renderWithProject(<Timeline />)
    const imported = makeAsset(7)
    bridge.importBytes = () => ({ ok: true, value: { assets: [imported], rejected: [] } })
    const slot = screen.getByRole('button', { name: 'First frame of clip 1' })

    fireEvent.dragEnter(slot, osFileDrop([png()]))
    expect(screen.getByText('Drop as first frame')).toBeInTheDocument()
    fireEvent.drop(slot, osFileDrop([png()]))

    await waitFor(() => expect(clipOf('clip1').firstFrameAssetId).toBe(imported.id))
    const importCall = bridge.calls.find((c) => c.channel === 'assets:importBytes')!.request as { name: string; bytes: Uint8Array }
    expect(importCall.name).toBe('harbour.png')
    expect(Array.from(importCall.bytes)).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    expect(useStore.getState().assets.map((a) => a.id)).toContain(imported.id)
    await settle()
    expect(bridge.sentOps()).toContainEqual({ type: 'setFrame', clipId: 'clip1', slot: 'first', assetId: imported.id })
    expect(screen.queryByText('Drop as first frame')).not.toBeInTheDocument()
  })

  it('shows why a refused image was refused and leaves the clip unchanged', async () => {
    const { bridge } = renderWithProject(<Timeline />)
    const reason = 'Image is 240×240 px — Kling needs at least 300 px on each side'
    bridge.importBytes = (name) => ({
      ok: true,
      value: { assets: [], rejected: [{ name, error: { code: 'image_too_small', message: reason, hint: 'Use a larger image.' } }] },
    })
    const before = clipOf('clip1')
    fireEvent.drop(screen.getByRole('button', { name: 'Last frame of clip 1' }), osFileDrop([png()]))

    expect(await screen.findByRole('alert')).toHaveTextContent(reason)
    expect(clipOf('clip1')).toBe(before)
    await settle()
    expect(bridge.sentOps()).toEqual([])
  })

  it('takes an image dragged from the bin or another slot without importing it again', async () => {
    const { bridge } = renderWithProject(<Timeline />)
    fireEvent.drop(screen.getByRole('button', { name: 'Last frame of clip 2' }), assetDrop(makeAsset(1).id))
    expect(clipOf('clip2').lastFrameAssetId).toBe(makeAsset(1).id)
    expect(bridge.calls.some((c) => c.channel === 'assets:importBytes')).toBe(false)
  })

  it('refuses a project image that breaks a limit, with the reason', () => {
    renderWithProject(<Timeline />)
    const small = makeAsset(9, { width: 240, height: 240 })
    act(() => useStore.getState().addAssets([small]))
    fireEvent.drop(screen.getByRole('button', { name: 'First frame of clip 2' }), assetDrop(small.id))
    expect(screen.getByRole('alert')).toHaveTextContent('240×240 px')
    expect(clipOf('clip2').firstFrameAssetId).toBeNull()
  })

  it('imports a pasted image into the asset bin', async () => {
    const { bridge } = renderWithProject(<AssetBin />)
    const pasted = makeAsset(11)
    bridge.importBytes = () => ({ ok: true, value: { assets: [pasted], rejected: [] } })
    const image = new File([new Uint8Array([9, 9])], '', { type: 'image/png' })
    fireEvent.paste(document, { clipboardData: { files: [image], types: ['Files'] } })
    await waitFor(() => expect(useStore.getState().assets.map((a) => a.id)).toContain(pasted.id))
    expect((bridge.calls.find((c) => c.channel === 'assets:importBytes')!.request as { name: string }).name).toBe('pasted-1.png')
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
  })
})
