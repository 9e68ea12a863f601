import { describe, expect, it } from 'vitest'
import { createClip, createNextShot } from '../../../src/shared/domain/create'
import { defaultProjectDefaults, type Clip, type Take } from '../../../src/shared/domain/project'
import { clipRequestSnapshot } from '../../../src/shared/takes/clip-request'
import { staleSince } from '../../../src/shared/takes/stale-clip'
import { videoLinksOf } from '../../../src/shared/takes/video-links'

const base: Clip = { ...createClip(defaultProjectDefaults, 'c1'), prompt: 'A lighthouse at dusk' }
const at = '2026-01-01T00:00:00.000Z'
const take = (id: string, clip: Clip, extra: Partial<Take> = {}): Take => ({
  id, clipId: clip.id, status: 'completed', request: clipRequestSnapshot(clip, { elements: [] }), taskId: `task-${id}`, remoteStatus: null,
  createdAt: at, updatedAt: at, submittedAt: at, finishedAt: at, error: null, files: [], ...extra,
})
/** An edit take of `source`: its request is the edit's, its lineage names the source. */
const editOf = (id: string, source: Take, instruction: string): Take =>
  take(id, base, { endpoint: 'video-to-video/edit', request: { prompt: instruction, mode: 'pro' }, edit: { source: { kind: 'take', takeId: source.id }, instruction } })

describe('stale edits and next shots', () => {
  it('an edit chosen for an unchanged clip is not stale; once the clip changes, it is stale since the take it edited', () => {
    const first = take('t1', base)
    const edit = editOf('t2', first, 'Add falling snow')
    const project = { elements: [], takes: [first, edit] }
    expect(staleSince({ ...base, chosenTakeId: 't2' }, project)).toBeNull()
    const changed = staleSince({ ...base, prompt: 'A lighthouse at night', chosenTakeId: 't2' }, project)
    expect(changed).toMatchObject({ takeId: 't1', takeNumber: 1 })
    expect(changed!.changes.map((change) => change.field)).toEqual(['prompt'])
  })

  it('an edit of an edit goes back to the take the clip made', () => {
    const first = take('t1', base)
    const snow = editOf('t2', first, 'Add falling snow')
    const night = editOf('t3', snow, 'Same shot at night')
    expect(staleSince({ ...base, duration: 8, chosenTakeId: 't3' }, { elements: [], takes: [first, snow, night] })).toMatchObject({ takeId: 't1' })
  })

  it('links a next shot to its source clip, and marks the link when that clip chooses another take', () => {
    const sourceA = take('a1', base)
    const next = createNextShot(defaultProjectDefaults, base, 'a1', 'n1')
    expect(videoLinksOf([{ ...base, chosenTakeId: 'a1' }, next], [sourceA])).toEqual([{ fromClipId: 'c1', toClipId: 'n1', takeId: 'a1', staleAgainst: null }])
    expect(videoLinksOf([{ ...base, chosenTakeId: 'a9' }, next], [sourceA])).toEqual([{ fromClipId: 'c1', toClipId: 'n1', takeId: 'a1', staleAgainst: 'a9' }])
  })
})
