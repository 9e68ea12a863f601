import { describe, expect, it } from 'vitest'
import { createCrashRecovery, type WindowTrouble } from '../../../src/main/desktop/crash-recovery'
import { closedWindowState, type AppCommand, type WindowState } from '../../../src/shared/app-commands'

const onClip = (clipId: string): WindowState => ({ ...closedWindowState, projectOpen: true, hasClips: true, selectedClipId: clipId })

function setUp(answers: ('reload' | 'wait' | 'quit')[]) {
  const calls: string[] = []
  const sent: AppCommand[] = []
  const asked: WindowTrouble[] = []
  const recovery = createCrashRecovery({
    ask: async (trouble) => (asked.push(trouble), answers.shift() ?? 'wait'),
    reload: () => void calls.push('reload'),
    quit: () => void calls.push('quit'),
    send: (command) => void sent.push(command),
  })
  return { recovery, calls, sent, asked }
}

describe('a crashed or hung window', () => {
  it('reloads on request and returns to the selected clip once the project is on screen again', async () => {
    const { recovery, calls, sent, asked } = setUp(['reload'])
    recovery.windowStateChanged(onClip('clip3'))
    await recovery.windowInTrouble('crashed')
    expect(asked).toEqual(['crashed'])
    expect(calls).toEqual(['reload'])
    recovery.windowStateChanged(closedWindowState)
    expect(sent).toEqual([])
    recovery.windowStateChanged(onClip('clip1'))
    expect(sent).toEqual([{ command: 'clip:select', clipId: 'clip3' }])
    recovery.windowStateChanged(onClip('clip1'))
    expect(sent).toHaveLength(1)
  })

  it('keeps waiting or quits when asked to, and asks once while the question is open', async () => {
    const waiting = setUp(['wait'])
    const first = waiting.recovery.windowInTrouble('unresponsive')
    const second = waiting.recovery.windowInTrouble('unresponsive')
    await Promise.all([first, second])
    expect(waiting.asked).toEqual(['unresponsive'])
    expect(waiting.calls).toEqual([])

    const quitting = setUp(['quit'])
    await quitting.recovery.windowInTrouble('crashed')
    expect(quitting.calls).toEqual(['quit'])
  })
})
