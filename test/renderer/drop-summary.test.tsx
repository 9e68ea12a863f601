import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { makeAsset } from './fake-bridge'
import { renderWithProject } from './render-editor'

const file = (name: string, bytes: number[], type: string) => new File([new Uint8Array(bytes)], name, { type })

describe('dropping several files on the bin', () => {
  it('imports the good one and names every refused file with its reason in one toast', async () => {
    const { bridge } = renderWithProject(<App />)
    const good = makeAsset(9)
    const refusals: Record<string, { code: 'image_not_supported' | 'image_unreadable'; message: string; hint: string }> = {
      'still.webp': { code: 'image_not_supported', message: 'WebP is not supported; use JPEG or PNG.', hint: 'Convert it.' },
      'empty.png': { code: 'image_unreadable', message: 'The file is empty.', hint: 'Choose another file.' },
    }
    bridge.importBytes = (name) => {
      const error = refusals[name]
      return { ok: true, value: error ? { assets: [], rejected: [{ name, error }] } : { assets: [good], rejected: [] } }
    }
    const files = [file('good.png', [0x89, 0x50], 'image/png'), file('still.webp', [0x52, 0x49], 'image/webp'), file('empty.png', [], 'image/png')]
    fireEvent.drop(screen.getByRole('complementary', { name: 'Assets' }), { dataTransfer: { files, types: ['Files'], getData: () => '', dropEffect: 'none' } })

    const toast = await screen.findByText('2 of 3 images were not imported', {}, { timeout: 5000 })
    const hint = toast.parentElement!
    expect(hint).toHaveTextContent('still.webp: WebP is not supported; use JPEG or PNG.')
    expect(hint).toHaveTextContent('empty.png: The file is empty.')
    expect(useStore.getState().toasts).toHaveLength(1)
    expect(useStore.getState().assets.map((a) => a.id)).toContain(good.id)
  })
})
