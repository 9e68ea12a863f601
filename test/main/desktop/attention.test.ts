import { describe, expect, it } from 'vitest'
import { createAttention, type AttentionNotice } from '../../../src/main/desktop/attention'
import type { Take } from '../../../src/shared/domain/project'
import type { QueueState } from '../../../src/shared/domain/spend'

const queue = (queued: number, running: number): QueueState => ({
  paused: false,
  pauseReason: null,
  queued,
  running,
  waitingForConnection: 0,
  connected: true,
  held: 0,
  concurrency: { limit: 2, effective: 2 },
  rateLimitedUntil: null,
})
const take = (id: string, clipId: string, status: Take['status']) => ({ take: { id, clipId, status } as Take })

function setUp(focused = false) {
  const progress: number[] = []
  const badges: number[] = []
  const notices: AttentionNotice[] = []
  const shown: string[] = []
  let isFocused = focused
  const attention = createAttention({
    setProgress: (value) => void progress.push(value),
    setBadge: (count) => void badges.push(count),
    notify: (notice) => void notices.push(notice),
    isWindowFocused: () => isFocused,
    showClip: (clipId) => void shown.push(`clip ${clipId}`),
    showFile: (path) => void shown.push(`file ${path}`),
    showWindow: () => void shown.push('window'),
  })
  return { attention, progress, badges, notices, shown, focus: (value: boolean) => (isFocused = value) }
}

describe('progress and attention outside the window', () => {
  it("shows the batch's progress on the dock, counts running takes, and notifies when it ends unseen", () => {
    const { attention, progress, badges, notices, shown } = setUp()
    attention.observe('queue:state', queue(2, 2))
    attention.observe('take:updated', take('t1', 'clip1', 'completed'))
    attention.observe('queue:state', queue(1, 2))
    attention.observe('take:updated', take('t2', 'clip2', 'failed'))
    attention.observe('take:updated', take('t3', 'clip3', 'completed'))
    attention.observe('queue:state', queue(0, 1))
    attention.observe('take:updated', take('t4', 'clip4', 'completed'))
    attention.observe('take:updated', take('t4', 'clip4', 'completed'))
    attention.observe('queue:state', queue(0, 0))

    expect(progress).toEqual([0, 1 / 4, 2 / 4, 3 / 4, 1, -1])
    expect(badges).toEqual([2, 2, 1, 0])
    expect(notices.map((notice) => notice.title)).toEqual(['3 takes finished, 1 failed'])
    notices[0]!.onClick()
    expect(shown).toEqual(['clip clip4'])
  })

  it('does not notify while the window has the focus', () => {
    const { attention, notices } = setUp(true)
    attention.observe('queue:state', queue(0, 1))
    attention.observe('take:updated', take('t1', 'clip1', 'completed'))
    attention.observe('queue:state', queue(0, 0))
    attention.observe('film:exportProgress', { phase: 'copying', fraction: 0.5 })
    attention.exportEnded({ path: '/films/Harbour/exports/Harbour.mp4' })
    expect(notices).toEqual([])
  })

  it("shows an export's fraction, and on its end a notification that reveals the file; nothing for a cancel", () => {
    const { attention, progress, notices, shown, focus } = setUp()
    attention.observe('film:exportProgress', { phase: 'copying', fraction: 0.25 })
    attention.observe('film:exportProgress', { phase: 'copying', fraction: 0.75 })
    attention.exportEnded({ path: '/films/Harbour/exports/Harbour.mp4' })
    expect(progress).toEqual([0.25, 0.75, -1])
    notices[0]!.onClick()
    expect(shown).toEqual(['file /films/Harbour/exports/Harbour.mp4'])

    attention.observe('film:exportProgress', { phase: 'encoding', fraction: 0.1 })
    attention.exportEnded({ errorCode: 'export_cancelled' })
    expect(notices).toHaveLength(1)
    attention.exportEnded({ errorCode: 'disk_full' })
    expect(notices.map((notice) => notice.title)).toEqual(['Film exported', 'The film export failed'])
    focus(true)
  })
})
