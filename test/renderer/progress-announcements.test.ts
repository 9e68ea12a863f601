import { describe, expect, it } from 'vitest'
import type { Take } from '../../src/shared/domain/project'
import { progressAnnouncements } from '../../src/renderer/src/features/takes/generate/progress-announcements'
import { makeTake } from './fake-bridge'

const clips = ['clip1', 'clip2']
const sent = (take: Take, status: Take['status']): Take => ({ ...take, status, submittedAt: '2026-01-01T00:00:01.000Z', taskId: 'task-1' })

describe('what the generation live region says', () => {
  it('names the clip and take and says each stage once: in queue, generating, done', () => {
    const older = makeTake('clip2', 'old', 'completed')
    const queued = makeTake('clip2', 'new')
    expect(progressAnnouncements([older], [older, queued], clips)).toEqual(['Clip 2, take 2: Queued'])
    const uploading = sent(queued, 'submitting')
    expect(progressAnnouncements([older, queued], [older, uploading], clips)).toEqual(['Clip 2, take 2: Generating'])
    const rendering = sent(queued, 'processing')
    const downloading = sent(queued, 'downloading')
    expect(progressAnnouncements([older, uploading], [older, rendering], clips)).toEqual([])
    expect(progressAnnouncements([older, rendering], [older, downloading], clips)).toEqual([])
    expect(progressAnnouncements([older, downloading], [older, sent(queued, 'completed')], clips)).toEqual(['Clip 2, take 2: Done'])
    expect(progressAnnouncements([older, downloading], [older, sent(queued, 'failed')], clips)).toEqual(['Clip 2, take 2: Failed'])
  })

  it('stays quiet about finished takes that arrive with an opened project, but speaks of ones still running', () => {
    const done = makeTake('clip1', 'a', 'completed')
    const running = sent(makeTake('clip1', 'b'), 'processing')
    expect(progressAnnouncements([], [done], clips)).toEqual([])
    expect(progressAnnouncements([], [done, running], clips)).toEqual(['Clip 1, take 2: Generating'])
  })
})
