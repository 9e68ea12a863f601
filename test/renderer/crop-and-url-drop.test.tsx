import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Asset, CropRect } from '../../src/shared/domain/project'
import { AssetBin } from '../../src/renderer/src/features/assets/bin/AssetBin'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { undo } from '../../src/renderer/src/store/history'
import { useStore } from '../../src/renderer/src/store/store'
import { makeAsset } from './fake-bridge'
import { clipOf, renderWithProject, settle } from './render-editor'

const urlDrop = (url: string) => ({
  dataTransfer: { files: [], types: ['text/uri-list'], getData: (type: string) => (type === 'text/uri-list' ? `# from a page\r\n${url}` : ''), dropEffect: 'none' },
})
const fileDrop = (file: File) => ({ dataTransfer: { files: [file], types: ['Files'], getData: () => '', dropEffect: 'none' } })

const converted: Asset = { ...makeAsset(21), mime: 'image/jpeg', originalName: 'harbour.webp', conversion: { from: 'webp', note: 'converted from WebP', originalFile: `${'b'.repeat(64)}.webp` } }
const panorama: Asset = { ...makeAsset(22, { width: 1200, height: 300 }), usable: false, originalName: 'pano.png' }
const aspectRefusal = { code: 'image_bad_aspect' as const, message: 'Image is 1200×300 px, an aspect ratio of 4:1 — Kling accepts from 1:2.5 to 2.5:1.', hint: 'Crop it.' }

/** Answers assets:crop as main does: a new asset that records the crop. */
function answerCrops(bridge: ReturnType<typeof renderWithProject>['bridge']) {
  const requests: { assetId: string; crop: CropRect }[] = []
  bridge.handle('assets:crop', ((request: { assetId: string; crop: CropRect }) => {
    requests.push(request)
    return { asset: { ...makeAsset(30 + requests.length, { width: request.crop.width, height: request.crop.height }), derivedFrom: request } }
  }) as never)
  return requests
}

describe('images from the web', () => {
  it('imports an image dragged from a browser by its address, sets it, and says it was converted', async () => {
    const { bridge } = renderWithProject(<Timeline />)
    bridge.handle('assets:importUrl', (() => ({ assets: [converted], rejected: [] })) as never)
    fireEvent.drop(screen.getByRole('button', { name: 'First frame of clip 1' }), urlDrop('https://example.com/harbour.webp'))
    await waitFor(() => expect(clipOf('clip1').firstFrameAssetId).toBe(converted.id))
    expect(bridge.calls.find((c) => c.channel === 'assets:importUrl')!.request).toEqual({ url: 'https://example.com/harbour.webp' })
    expect(useStore.getState().toasts.map((t) => t.message)).toContain('Imported harbour.webp: converted from WebP.')
  })

  it('shows why a download was refused', async () => {
    const { bridge } = renderWithProject(<Timeline />)
    const error = { code: 'image_download_failed' as const, message: 'The link opens a web page, not an image.', hint: 'Drag the picture itself.' }
    bridge.handle('assets:importUrl', (() => ({ assets: [], rejected: [{ name: 'https://example.com/', error }] })) as never)
    fireEvent.drop(screen.getByRole('button', { name: 'Last frame of clip 1' }), urlDrop('https://example.com/'))
    expect(await screen.findByRole('alert')).toHaveTextContent('opens a web page')
    expect(clipOf('clip1').lastFrameAssetId).toBeNull()
  })

  describe('a link to this computer or a private network', () => {
    const privateRefusal = {
      code: 'image_url_private' as const,
      message: 'The link leads to nas.local (192.168.1.20), which is on a private network, not on the internet.',
      hint: 'Download it only if you trust the page it came from.',
    }
    /** Main as it answers: refused until the request says the user allowed it. */
    function answerLikeMain(bridge: ReturnType<typeof renderWithProject>['bridge']) {
      bridge.handle('assets:importUrl', ((request: { url: string; allowPrivate?: boolean }) =>
        request.allowPrivate ? { assets: [converted], rejected: [] } : { assets: [], rejected: [{ name: request.url, error: privateRefusal }] }) as never)
    }
    const urlRequests = (bridge: ReturnType<typeof renderWithProject>['bridge']) => bridge.calls.filter((c) => c.channel === 'assets:importUrl').map((c) => c.request)

    it('asks first, and downloads it only when the user says so', async () => {
      const user = userEvent.setup()
      const { bridge } = renderWithProject(<Timeline />)
      answerLikeMain(bridge)
      fireEvent.drop(screen.getByRole('button', { name: 'First frame of clip 1' }), urlDrop('http://nas.local/harbour.webp'))
      const dialog = await screen.findByRole('dialog', { name: 'Download from a private address?' })
      expect(dialog).toHaveTextContent('nas.local (192.168.1.20), which is on a private network')
      expect(clipOf('clip1').firstFrameAssetId).toBeNull()
      await user.click(within(dialog).getByRole('button', { name: 'Download' }))
      await waitFor(() => expect(clipOf('clip1').firstFrameAssetId).toBe(converted.id))
      expect(urlRequests(bridge)).toEqual([{ url: 'http://nas.local/harbour.webp' }, { url: 'http://nas.local/harbour.webp', allowPrivate: true }])
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })

    it('downloads nothing when the user declines, and shows no refusal', async () => {
      const user = userEvent.setup()
      const { bridge } = renderWithProject(<AssetBin />)
      answerLikeMain(bridge)
      fireEvent.drop(screen.getByRole('complementary', { name: 'Assets' }), urlDrop('http://nas.local/harbour.webp'))
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Don’t download' }))
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
      expect(urlRequests(bridge)).toEqual([{ url: 'http://nas.local/harbour.webp' }])
      expect(useStore.getState().assets).not.toContainEqual(converted)
    })
  })
})

describe('cropping', () => {
  it('offers to crop a refused panorama to the clip’s 16:9, sets the crop as the frame, and undo takes it back out', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<Timeline />)
    const crops = answerCrops(bridge)
    bridge.importBytes = (name) => ({ ok: true, value: { assets: [], rejected: [{ name, error: aspectRefusal, asset: panorama }] } })
    fireEvent.drop(screen.getByRole('button', { name: 'First frame of clip 1' }), fileDrop(new File([new Uint8Array([1])], 'pano.png')))

    const refusal = await screen.findByRole('alert')
    expect(refusal).toHaveTextContent('aspect ratio of 4:1')
    await user.click(within(refusal).getByRole('button', { name: 'Crop to 16:9…' }))
    const dialog = screen.getByRole('dialog', { name: 'Crop pano.png' })
    expect(within(dialog).getByRole('radio', { name: '16:9' })).toHaveAttribute('aria-checked', 'true')
    expect(dialog).toHaveTextContent('533×300 px')
    await user.click(within(dialog).getByRole('button', { name: 'Crop to 16:9' }))

    // The largest 16:9 rectangle of a 1200×300 image, centred.
    expect(crops).toEqual([{ assetId: panorama.id, crop: { x: 334, y: 0, width: 533, height: 300 } }])
    await waitFor(() => expect(clipOf('clip1').firstFrameAssetId).toBe(makeAsset(31).id))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await settle()
    act(() => undo())
    expect(clipOf('clip1').firstFrameAssetId).toBeNull()
  })

  it('crops the image in a filled frame slot to another shape, moved with the arrow keys', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<Timeline />)
    const crops = answerCrops(bridge)
    const photo = makeAsset(1)
    act(() => useStore.getState().edit({ type: 'setFrame', clipId: 'clip2', slot: 'last', assetId: photo.id }))
    await user.click(screen.getAllByRole('button', { name: /Crop…/ })[0]!)
    const dialog = screen.getByRole('dialog', { name: `Crop ${photo.originalName}` })
    await user.click(within(dialog).getByRole('radio', { name: '1:1' }))
    const box = within(dialog).getByRole('slider', { name: /Crop position/ })
    box.focus()
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    await user.click(within(dialog).getByRole('button', { name: 'Crop to 1:1' }))
    // 720×720 from 1280×720: centred at x = 280, then two steps of 2 % of the width (25.6 px) to the left, each
    // from the last whole-pixel position: 254, then 228.
    expect(crops).toEqual([{ assetId: photo.id, crop: { x: 228, y: 0, width: 720, height: 720 } }])
    await waitFor(() => expect(clipOf('clip2').lastFrameAssetId).toBe(makeAsset(31).id))
  })
})

describe('the asset bin', () => {
  it('offers the crop when a panorama dropped on the bin is refused, and the crop lands in the bin', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<AssetBin />)
    const crops = answerCrops(bridge)
    bridge.importBytes = (name) => ({ ok: true, value: { assets: [], rejected: [{ name, error: aspectRefusal, asset: panorama }] } })
    fireEvent.drop(screen.getByRole('complementary', { name: 'Assets' }), fileDrop(new File([new Uint8Array([1])], 'pano.png')))
    const refusal = await screen.findByRole('alert')
    await user.click(within(refusal).getByRole('button', { name: 'Crop to 16:9…' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Crop to 16:9' }))
    expect(crops).toHaveLength(1)
    await screen.findByRole('listitem', { name: /533×300 px, cropped/ })
  })

  it('says which images were converted, and leaves out those kept only for cropping', () => {
    renderWithProject(<AssetBin />)
    act(() => useStore.getState().addAssets([converted, panorama]))
    const tile = screen.getByRole('listitem', { name: /harbour\.webp/ })
    expect(tile).toHaveTextContent('converted from WebP')
    expect(tile).toHaveAccessibleName(/converted from WebP/)
    expect(screen.queryByRole('listitem', { name: /pano\.png/ })).not.toBeInTheDocument()
  })
})
