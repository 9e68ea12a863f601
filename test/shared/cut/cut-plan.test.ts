import { describe, expect, it } from 'vitest'
import { planCut, type TakeMedia } from '../../../src/shared/cut/cut-plan'
import type { Take } from '../../../src/shared/domain/project'
import { takeNumberOf } from '../../../src/shared/domain/take-numbers'
import { clip, multiShotClip } from '../domain/fixtures'

function take(id: string, clipId: string, status: Take['status'] = 'completed'): Take {
  return {
    id, clipId, status, request: {}, taskId: `task-${id}`, remoteStatus: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    submittedAt: null, finishedAt: null, error: null, files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}-0.mp4`, bytes: 1000 }],
  }
}

const media = (fileName: string, durationSeconds: number): TakeMedia => ({
  fileName, width: 1280, height: 720, frameRate: { num: 24, den: 1 }, frames: Math.round(durationSeconds * 24), durationSeconds, hasAudio: true, audioChannels: 2, audioRate: 48000, videoCodec: 'avc1.64001f',
})

describe('planCut', () => {
  it('lays clips end to end: a chosen take plays for its real length, a clip without one holds for its own duration', () => {
    const clips = [clip('a', { chosenTakeId: 't2', duration: 5 }), clip('b', { duration: 7 }), clip('c', { chosenTakeId: 't3', duration: 3 })]
    const takes = [take('t1', 'a'), take('t2', 'a'), take('t3', 'c', 'processing')]
    const plan = planCut({ clips, takes }, new Map([['t2', media('t2-0.mp4', 5.04)]]))

    expect(plan.entries.map((entry) => [entry.kind, entry.startSeconds, entry.durationSeconds])).toEqual([
      ['take', 0, 5.04],
      ['animatic', 5.04, 7],
      ['animatic', 12.04, 3],
    ])
    expect(plan.durationSeconds).toBeCloseTo(15.04)
    const first = plan.entries[0]
    expect(first?.kind === 'take' && first.takeNumber).toBe(2)
    expect(plan.entries.map((entry) => entry.kind === 'animatic' && entry.reason)).toEqual([false, 'no_take', 'take_not_ready'])
  })

  it('says what an edit take was made from, for the hand-off files, and nothing for an ordinary take', () => {
    const edit: Take = { ...take('t2', 'a'), edit: { source: { kind: 'take', takeId: 't1' }, instruction: 'add falling snow' } }
    const plan = planCut({ clips: [clip('a', { chosenTakeId: 't2' }), clip('b', { chosenTakeId: 't3' })], takes: [take('t1', 'a'), edit, take('t3', 'b')] }, new Map([['t2', media('t2-0.mp4', 5)], ['t3', media('t3-0.mp4', 5)]]))
    const [edited, plain] = plan.entries
    expect(edited?.kind === 'take' && edited.lineage).toBe('Edit of take 1: add falling snow')
    expect(plain?.kind === 'take' && plain.lineage).toBeUndefined()
  })

  it('marks shot boundaries of a multi-shot clip, the last shot absorbing a video that runs long or short', () => {
    const plan = planCut({ clips: [multiShotClip('m', [3, 4, 3], { chosenTakeId: 't' })], takes: [take('t', 'm')] }, new Map([['t', media('t.mp4', 9.5)]]))
    expect(plan.entries[0]?.shots.map((shot) => [shot.startSeconds, shot.durationSeconds, shot.prompt])).toEqual([
      [0, 3, 'shot 1'],
      [3, 4, 'shot 2'],
      [7, 2.5, 'shot 3'],
    ])
  })

  it('ignores a chosen take id that belongs to another clip', () => {
    const plan = planCut({ clips: [clip('a', { chosenTakeId: 'tb' }), clip('b')], takes: [take('tb', 'b')] }, new Map([['tb', media('tb.mp4', 5)]]))
    expect(plan.entries[0]?.kind).toBe('animatic')
  })
})

describe('takeForCut', () => {
  it('plays the newest finished take of a clip nobody chose a take for, and keeps an explicit choice even unfinished', () => {
    const takes = [take('a1', 'a'), take('a2', 'a'), take('a3', 'a', 'failed'), take('b1', 'b'), take('b2', 'b', 'processing')]
    const plan = planCut(
      { clips: [clip('a'), clip('b', { chosenTakeId: 'b2' })], takes },
      new Map([['a1', media('a1-0.mp4', 5)], ['a2', media('a2-0.mp4', 4)], ['b1', media('b1-0.mp4', 5)]]),
    )
    expect(plan.entries.map((entry) => (entry.kind === 'take' ? entry.takeId : entry.reason))).toEqual(['a2', 'take_not_ready'])
  })
})

describe('takeNumberOf', () => {
  it('counts takes per clip in the order they were made', () => {
    const takes = [take('a1', 'a'), take('b1', 'b'), take('a2', 'a'), take('b2', 'b'), take('a3', 'a')]
    expect(['a1', 'a2', 'a3', 'b2', 'missing'].map((id) => takeNumberOf(takes, id))).toEqual([1, 2, 3, 2, null])
  })
})
