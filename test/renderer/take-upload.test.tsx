import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { makeTake } from './fake-bridge'
import { renderWithProject, settle } from './render-editor'

const MB = 1024 * 1024

describe('a take while and after its request is uploaded', () => {
  it('shows how much of the upload has gone, how fast and how long the rest takes, on the bar and in words', () => {
    const { bridge } = renderWithProject(<App />)
    const take = { ...makeTake('clip1', 'take1', 'submitting'), submittedAt: new Date().toISOString() }
    act(() => bridge.emit('take:updated', { take }))
    act(() =>
      bridge.emit('job:progress', {
        takeId: 'take1',
        clipId: 'clip1',
        status: 'submitting',
        elapsedMs: 20_000,
        estimatedRemainingMs: null,
        downloadedBytes: null,
        totalBytes: null,
        uploadedBytes: 23 * MB,
        uploadTotalBytes: 60 * MB,
        uploadBytesPerSecond: 1.2 * MB,
      }),
    )
    const row = screen.getByRole('listitem', { name: 'Take 1' })
    expect(row).toHaveTextContent('Uploading 23 of 60 MB · 1.2 MB/s · about 30 s left')
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '38')
  })

  it('offers to send again a take whose upload was cut off, and sends that one request', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    const cut = {
      ...makeTake('clip1', 'take1', 'failed'),
      error: { code: 'upload_interrupted' as const, message: 'The upload stopped after 23.0 of 60.0 MB. Nothing was charged.', hint: 'Send it again.' },
    }
    bridge.handle('generation:resolveUnknown', () => ({ ...makeTake('clip1', 'take2', 'submitting') }))
    act(() => bridge.emit('take:updated', { take: cut }))
    const row = screen.getByRole('listitem', { name: 'Take 1' })
    expect(row).toHaveTextContent('Nothing was charged')
    await user.click(within(row).getByRole('button', { name: 'Send again' }))
    await settle()
    expect(bridge.calls.filter((c) => c.channel === 'generation:resolveUnknown').map((c) => c.request)).toEqual([{ takeId: 'take1', action: 'resubmit' }])
  })

  it('offers no "Send again" for a take MuleRouter refused as it stands (400)', () => {
    const { bridge } = renderWithProject(<App />)
    const refused = { ...makeTake('clip1', 'take1', 'failed'), error: { code: 'api_rejected' as const, message: 'MuleRouter refused the request.', hint: 'Change the clip.' } }
    act(() => bridge.emit('take:updated', { take: refused }))
    expect(within(screen.getByRole('listitem', { name: 'Take 1' })).queryByRole('button', { name: 'Send again' })).toBeNull()
  })
})
