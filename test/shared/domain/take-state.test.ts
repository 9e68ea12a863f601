import { describe, expect, it } from 'vitest'
import { takeStatuses, type Take } from '../../../src/shared/domain/project'
import { clipTakeStateOf, queueHoldView, takeStateOf, type QueueCondition } from '../../../src/shared/domain/take-state'

const at = '2026-01-01T00:00:00.000Z'
const take = (status: Take['status'], extra: Partial<Take> = {}): Take => ({
  id: 't1', clipId: 'c1', status, request: {}, taskId: 'task-1', remoteStatus: null, createdAt: at, updatedAt: at, submittedAt: at, finishedAt: null, error: null, files: [], ...extra,
})
const runningCondition: QueueCondition = { paused: false, pauseReason: null, connected: true }
const queued = (extra: Partial<Take> = {}) => take('submitting', { taskId: null, submittedAt: null, ...extra })
const paused: QueueCondition = { ...runningCondition, paused: true }
const offline: QueueCondition = { ...runningCondition, connected: false }
const noCredits: QueueCondition = { ...paused, pauseReason: { code: 'api_insufficient_credits', message: 'The balance is too low.', hint: 'Add credits.' } }
const hold = (reason: 'budget' | 'invalid') => ({ reason, at, error: { code: 'budget_exceeded' as const, message: 'Over.', hint: 'Raise it.' } })
const word = (t: Take, c: QueueCondition) => takeStateOf(t, c)

describe('one word for where a take stands', () => {
  it('says what every sent status is, and only the ones that move are busy', () => {
    const words = Object.fromEntries(takeStatuses.map((status) => [status, word(take(status), runningCondition)]))
    expect(words).toEqual({
      submitting: { word: 'Uploading', tone: 'info', busy: true },
      pending: { word: 'Sent', tone: 'info', busy: true },
      processing: { word: 'Generating', tone: 'accent', busy: true },
      downloading: { word: 'Downloading', tone: 'accent', busy: true },
      submit_unknown: { word: 'Unconfirmed', tone: 'warning', busy: false },
      completed: { word: 'Done', tone: 'success', busy: false },
      failed: { word: 'Failed', tone: 'danger', busy: false },
      cancelled: { word: 'Cancelled', tone: 'neutral', busy: false },
      stopped: { word: 'Not followed', tone: 'warning', busy: false },
    })
  })

  it('calls a take never sent "Queued", never "Sent", and it does not move', () => {
    expect(word(queued(), runningCondition)).toEqual({ word: 'Queued', tone: 'info', busy: false })
    expect(word(take('pending'), runningCondition).word).not.toBe(word(queued(), runningCondition).word)
  })

  it('says Paused for a queued take while the queue is paused, in warning when MuleRouter paused it', () => {
    expect(word(queued(), paused)).toEqual({ word: 'Paused', tone: 'neutral', busy: false })
    expect(word(queued(), noCredits)).toEqual({ word: 'Paused', tone: 'warning', busy: false })
  })

  it('keeps a sent take moving while the queue is paused: pausing stops only what is not sent yet', () => {
    expect(word(take('processing'), paused)).toEqual({ word: 'Generating', tone: 'accent', busy: true })
  })

  it('says Waiting for connection, without moving, for queued and sent takes while MuleRouter cannot be reached', () => {
    const waiting = { word: 'Waiting for connection', tone: 'warning', busy: false }
    for (const t of [queued(), take('submitting'), take('pending'), take('processing'), take('downloading')]) expect(word(t, offline)).toEqual(waiting)
    expect(word(queued(), { ...paused, connected: false })).toEqual(waiting)
  })

  it('says Waiting for connection for a sent take whose last poll could not reach MuleRouter, and Generating once one does', () => {
    const cutOff = take('processing', { error: { code: 'network_offline', message: 'MuleRouter cannot be reached.', hint: 'Check the connection.' } })
    expect(word(cutOff, runningCondition)).toEqual({ word: 'Waiting for connection', tone: 'warning', busy: false })
    expect(word({ ...cutOff, error: null }, runningCondition).word).toBe('Generating')
    expect(word({ ...cutOff, error: { ...cutOff.error!, code: 'api_server_error' } }, runningCondition).word).toBe('Generating')
  })

  it('leaves ended and unconfirmed takes alone when the connection is down', () => {
    for (const status of ['completed', 'failed', 'cancelled', 'stopped', 'submit_unknown'] as const) expect(word(take(status), offline)).toEqual(word(take(status), runningCondition))
  })

  it('says why a held take waits before anything about the queue', () => {
    expect(word(queued({ hold: hold('budget') }), offline)).toEqual({ word: 'Held: budget', tone: 'warning', busy: false })
    expect(word(queued({ hold: hold('invalid') }), paused)).toEqual({ word: 'Held: needs a fix', tone: 'danger', busy: false })
  })

  it('names a take Kling refused for its content', () => {
    const refused = take('failed', { error: { code: 'task_refused', message: 'Refused.', hint: 'Change the prompt.' } })
    expect(word(refused, runningCondition)).toEqual({ word: 'Refused by Kling', tone: 'danger', busy: false })
  })
})

describe('the queue\'s word for the title bar', () => {
  it('is the takes\' own word: Paused, or Waiting for connection while some take waits for it', () => {
    expect(queueHoldView([], paused)).toEqual(word(queued(), paused))
    expect(queueHoldView([queued(), take('completed', { id: 'b' })], offline)).toEqual(word(queued(), offline))
    expect(queueHoldView([queued()], { ...paused, connected: false })?.word).toBe('Waiting for connection')
    expect(queueHoldView([take('completed')], offline)).toBeNull()
    expect(queueHoldView([queued(), take('processing', { id: 'b' })], runningCondition)).toBeNull()
  })

  it('says Waiting for connection when a sent take cannot reach MuleRouter though nothing else is queued', () => {
    const cutOff = take('processing', { error: { code: 'network_offline', message: 'MuleRouter cannot be reached.', hint: 'Check the connection.' } })
    expect(queueHoldView([cutOff], runningCondition)?.word).toBe('Waiting for connection')
  })
})

describe('the timeline card\'s word for a clip', () => {
  it('shows a moving take before a waiting one, else the newest waiting one, else nothing', () => {
    expect(clipTakeStateOf([queued({ id: 'a' }), take('processing', { id: 'b' })], paused)?.word).toBe('Generating')
    expect(clipTakeStateOf([take('completed', { id: 'a' }), queued({ id: 'b' })], paused)).toEqual({ word: 'Paused', tone: 'neutral', busy: false })
    expect(clipTakeStateOf([take('completed'), take('failed', { id: 'b' })], runningCondition)).toBeNull()
  })
})
