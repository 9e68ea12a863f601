import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WindowState } from '../../src/shared/app-commands'
import type { ProjectSnapshot } from '../../src/shared/domain/project-snapshot'
import type { Take } from '../../src/shared/domain/project'
import { launchBuiltMain, type Recorded, type StandIn } from './launch'

// Work in flight in the built main process (demo mode: the built-in fake MuleRouter), against the stand-in: a take
// uploads and renders while the window is in the background, then the page crashes and is reloaded, then the
// user quits. The steps follow one another in one process.

const state = (fields: Partial<WindowState>): WindowState => ({ projectOpen: true, hasClips: true, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: null, ...fields })
const lastSeq = async (electron: StandIn) => (await electron.records()).at(-1)?.seq ?? 0
const takeEvents = (entries: Recorded[], takeId: string) =>
  entries.filter((entry) => entry.api === 'webContents.send' && entry.args[1] === 'take:updated' && (entry.args[2] as { take: Take }).take.id === takeId)

describe('the built main process against a recorded Electron: a take, a crash, a quit', () => {
  let electron: StandIn
  let sample: ProjectSnapshot
  let clipId: string

  beforeAll(async () => {
    electron = await launchBuiltMain({ args: ['--demo'] })
    await electron.op('ready')
    await electron.waitFor('BrowserWindow.show')
    sample = (await electron.call('app:firstStart', {}))!
    clipId = sample.project.clips[0]!.id
    await electron.call('app:windowState', state({ selectedClipId: clipId }))
  }, 30_000)
  afterAll(() => electron?.close())

  it('keeps the machine awake while the take uploads, shows the batch on the progress bar and notifies when it ends unseen', async () => {
    await electron.op('blur')
    const since = await lastSeq(electron)
    const take = await electron.call('generation:start', { clipId, actionId: 'standin-upload-1' })
    await electron.waitFor('Notification.show', undefined, { afterSeq: since, timeoutMs: 40_000 })
    const after = (await electron.records()).filter((entry) => entry.seq > since)

    const starts = after.filter((entry) => entry.api === 'powerSaveBlocker.start')
    const stops = after.filter((entry) => entry.api === 'powerSaveBlocker.stop')
    expect(starts.map((entry) => entry.args)).toEqual([['prevent-app-suspension', expect.any(Number)]])
    expect(stops.map((entry) => entry.args)).toEqual([[starts[0]!.args[1], true]])
    // Taken while the request goes out, released once MuleRouter has it (the take is pending there).
    const statuses = takeEvents(after, take.id).map((entry) => ({ seq: entry.seq, status: (entry.args[2] as { take: Take }).take.status }))
    const submitting = statuses.find((event) => event.status === 'submitting')!
    const pending = statuses.find((event) => event.status === 'pending')!
    expect(submitting.seq).toBeLessThan(starts[0]!.seq)
    expect(stops[0]!.seq).toBeLessThan(pending.seq)
    expect(await electron.op('heldBlockers')).toEqual([])

    const progress = after.filter((entry) => entry.api === 'BrowserWindow.setProgressBar').map((entry) => entry.args[1])
    // None of the batch ended (0), all of it (1), then no bar (-1); a first -1 only clears a bar nobody had set.
    expect(progress.filter((value, index) => index > 0 || value !== -1)).toEqual([0, 1, -1])
    expect(statuses.at(-1)!.status).toBe('completed')
    const notices = after.filter((entry) => entry.api === 'Notification.show').map((entry) => entry.args[0])
    expect(notices).toEqual([{ title: '1 take finished', body: expect.any(String) }])
    // The dock badge is macOS's; this is Linux.
    expect(after.filter((entry) => entry.api === 'app.setBadgeCount')).toEqual([])
  }, 50_000)

  it('shows the window and the take’s clip when the notification is clicked', async () => {
    const since = await lastSeq(electron)
    await electron.op('clickNotification', -1)
    await electron.waitFor('webContents.send', (entry) => entry.args[1] === 'app:command', { afterSeq: since })
    const after = (await electron.records()).filter((entry) => entry.seq > since)
    expect(after.map((entry) => entry.api)).toContain('BrowserWindow.focus')
    expect(after.filter((entry) => entry.args[1] === 'app:command').map((entry) => entry.args[2])).toEqual([{ command: 'clip:select', clipId }])
  })

  it('offers Reload when the page crashes, and the reloaded page finds the same project and returns to its clip', async () => {
    const otherClip = sample.project.clips[1]!.id
    await electron.call('app:windowState', state({ selectedClipId: otherClip }))
    const since = await lastSeq(electron)
    await electron.op('crashPage', undefined, { reason: 'crashed', exitCode: 139 })
    const asked = await electron.waitFor('dialog.showMessageBox', undefined, { afterSeq: since })
    expect(asked.args[1]).toMatchObject({ buttons: ['Reload', 'Quit'] })
    expect(await electron.records('webContents.reload')).toEqual([])
    await electron.op('answerDialog', { response: 0, checkboxChecked: false })
    await electron.waitFor('webContents.reload', undefined, { afterSeq: since })
    await electron.waitFor('BrowserWindow.show', undefined, { afterSeq: 0 })

    // The new page asks main for the project, as the renderer does on start, and reports its state.
    const reopened = await electron.call('project:read', {})
    expect(reopened?.path).toBe(sample.path)
    expect(reopened?.project.takes.map((take) => take.status)).toContain('completed')
    const reloaded = await lastSeq(electron)
    await electron.call('app:windowState', state({ projectOpen: false, hasClips: false }))
    await electron.call('app:windowState', state({ selectedClipId: clipId }))
    await electron.waitFor('webContents.send', (entry) => entry.args[1] === 'app:command', { afterSeq: reloaded })
    const commands = (await electron.records('webContents.send')).filter((entry) => entry.seq > reloaded && entry.args[1] === 'app:command')
    expect(commands.map((entry) => entry.args[2])).toEqual([{ command: 'clip:select', clipId: otherClip }])
  })

  it('offers to keep waiting when the page hangs, and does not reload when told to wait', async () => {
    const since = await lastSeq(electron)
    await electron.op('emitWindow', undefined, 'unresponsive')
    const asked = await electron.waitFor('dialog.showMessageBox', undefined, { afterSeq: since })
    expect(asked.args[1]).toMatchObject({ buttons: ['Reload', 'Keep waiting'] })
    await electron.op('answerDialog', { response: 1, checkboxChecked: false })
    await electron.waitFor('dialog.answered', undefined, { afterSeq: since })
    await new Promise((settle) => setTimeout(settle, 100))
    expect((await electron.records('webContents.reload')).filter((entry) => entry.seq > since)).toEqual([])
  })

  it('used nothing of Electron that the stand-in does not provide', async () => {
    expect(await electron.records('stand-in:missing')).toEqual([])
  })

  it('quits on its own quit path: the project closes, the window closes, Electron exits 0', async () => {
    const since = await lastSeq(electron)
    await electron.op('quit')
    expect(await electron.exited).toEqual({ code: 0, signal: null })
    const calls = electron.recordsAtExit().filter((entry) => entry.seq > since).map((entry) => entry.api)
    // The first quit is held while the project closes (no window closes yet); the second one closes the window.
    expect(calls.filter((api) => api === 'app.quit')).toHaveLength(2)
    expect(calls.indexOf('BrowserWindow.close')).toBeGreaterThan(calls.lastIndexOf('app.quit'))
    expect(calls.at(-1)).toBe('app:exit')
    expect(electron.output()).not.toMatch(/Error|unhandled/i)
  }, 20_000)
})
