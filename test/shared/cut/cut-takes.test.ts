import { describe, expect, it } from 'vitest'
import { cutTakes } from '../../../src/shared/cut/cut-takes'
import { takeForCut } from '../../../src/shared/takes/take-for-cut'
import type { Take } from '../../../src/shared/domain/project'
import { takeNumberOf } from '../../../src/shared/domain/take-numbers'
import { clip } from '../domain/fixtures'

const take = (id: string, clipId: string, status: Take['status'] = 'completed'): Take => ({
  id, clipId, status, request: {}, taskId: `task-${id}`, remoteStatus: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: null, finishedAt: null, error: null, files: [],
})

describe('cutTakes', () => {
  it('answers every clip with the take takeForCut plays and every take with the number takeNumberOf gives', () => {
    const takes = [take('a1', 'a'), take('b1', 'b'), take('a2', 'a', 'processing'), take('b2', 'b'), take('c1', 'c', 'failed'), take('a3', 'a')]
    const clips = [
      clip('a', { chosenTakeId: 'a2' }), // chosen, not finished: stays chosen
      clip('b'), // none chosen: the newest finished
      clip('c'), // none finished: nothing
      clip('d', { chosenTakeId: 'a1' }), // another clip's take is not this clip's choice
      clip('e'),
    ]
    const cut = cutTakes(takes)

    expect(clips.map((each) => cut.takeFor(each)?.id ?? null)).toEqual(['a2', 'b2', null, null, null])
    expect(clips.map((each) => cut.takeFor(each))).toEqual(clips.map((each) => takeForCut(each, takes)))
    expect(takes.map((each) => cut.numberOf(each.id))).toEqual(takes.map((each) => takeNumberOf(takes, each.id)))
    expect(cut.numberOf('missing')).toBeNull()
  })
})
