import { describe, expect, it } from 'vitest'
import { captionCues } from '../../../src/shared/captions/cut-captions'
import { writeSrt, writeVtt } from '../../../src/shared/captions/subtitle-files'
import { planCut, type TakeMedia } from '../../../src/shared/cut/cut-plan'
import type { CaptionLine } from '../../../src/shared/domain/caption-line'
import type { Take } from '../../../src/shared/domain/project'
import { parseSubtitles, vttWords } from '../../support/subtitle-parser'
import { clip } from '../domain/fixtures'

const line = (id: string, startSeconds: number, endSeconds: number, text: string, speaker?: string): CaptionLine => ({ id, text, startSeconds, endSeconds, ...(speaker ? { speaker } : {}) })

const take = (id: string, clipId: string): Take => ({
  id, clipId, status: 'completed', request: {}, taskId: `task-${id}`, remoteStatus: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: null, finishedAt: null, error: null, files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: `${id}-0.mp4`, bytes: 1000 }],
})
const media = (fileName: string, durationSeconds: number): TakeMedia => ({
  fileName, width: 1280, height: 720, frameRate: { num: 24, den: 1 }, frames: Math.round(durationSeconds * 24), durationSeconds, hasAudio: true, audioChannels: 2, audioRate: 48000, videoCodec: 'avc1.64001f',
})

// Clip a plays a take 4.96 s long (asked for 5 s), b is held as an animatic for 3 s, c plays 62 min into a long film.
const clips = [
  clip('a', { duration: 5, chosenTakeId: 'ta', captions: [line('a1', 0.5, 2.25, 'Who’s there?', 'MARA'), line('a2', 3, 5, 'Runs past the take’s end')] }),
  clip('b', { duration: 3, captions: [line('b1', 1, 2, 'Fish & <chips> --> now\n\nsecond line'), line('b2', 2.5, 2, 'ends before it starts'), line('b3', 0, 1, '   ')] }),
  clip('c', { duration: 4, captions: [line('c1', 3.5, 9, 'Past the clip')] }),
]
const plan = planCut({ clips, takes: [take('ta', 'a')] }, new Map([['ta', media('ta-0.mp4', 4.96)]]))

describe('captions timed to the cut', () => {
  it('moves each clip’s lines to where it plays, trims them to the clip’s span, and leaves out what cannot show', () => {
    const cues = captionCues(plan.entries, clips)
    expect(cues.map((cue) => [cue.startMs, cue.endMs])).toEqual([
      [500, 2250],
      [3000, 4960],
      [5960, 6960],
      [11460, 11960],
    ])
    // Every cue lies inside its clip's span in the plan.
    for (const cue of cues) {
      const entry = plan.entries.find((candidate) => candidate.startSeconds * 1000 <= cue.startMs + 0.5 && cue.startMs < (candidate.startSeconds + candidate.durationSeconds) * 1000)
      expect(entry, `cue at ${cue.startMs} ms`).toBeDefined()
      expect(cue.endMs).toBeLessThanOrEqual(Math.round((entry!.startSeconds + entry!.durationSeconds) * 1000))
    }
  })

  it('follows a clip moved to another place in the timeline', () => {
    const moved = [clips[1]!, clips[0]!, clips[2]!]
    const movedPlan = planCut({ clips: moved, takes: [take('ta', 'a')] }, new Map([['ta', media('ta-0.mp4', 4.96)]]))
    expect(captionCues(movedPlan.entries, moved).find((cue) => cue.text === 'Who’s there?')).toMatchObject({ startMs: 3500, endMs: 5250 })
  })

  it('writes an SRT that parses back cue for cue, numbered, with comma milliseconds and the speaker before the words', () => {
    const cues = captionCues(plan.entries, clips)
    const parsed = parseSubtitles(writeSrt(cues), 'srt')
    expect(parsed.map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(cues.map(({ startMs, endMs }) => ({ startMs, endMs })))
    expect(parsed[0]!.text).toBe('MARA: Who’s there?')
    expect(parsed[2]!.text).toBe('Fish & <chips> -> now\nsecond line')
    expect(writeSrt(cues)).toContain('1\n00:00:00,500 --> 00:00:02,250\n')
  })

  it('writes a WebVTT with its header, dot milliseconds, the speaker as a voice and markup escaped', () => {
    const cues = captionCues(plan.entries, clips)
    const vtt = writeVtt(cues)
    const parsed = parseSubtitles(vtt, 'vtt')
    expect(parsed.map(({ startMs, endMs }) => [startMs, endMs])).toEqual(cues.map(({ startMs, endMs }) => [startMs, endMs]))
    expect(vttWords(parsed[0]!.text)).toEqual({ speaker: 'MARA', words: 'Who’s there?' })
    expect(vttWords(parsed[2]!.text)).toEqual({ speaker: null, words: 'Fish & <chips> -> now\nsecond line' })
    expect(vtt).toContain('00:00:05.960 --> 00:00:06.960')
  })

  it('writes hours past the first one, and an empty film as an empty file (VTT: the header alone)', () => {
    const long = [{ clipId: 'x', durationSeconds: 3725.5 }]
    const cues = captionCues(long, [clip('x', { captions: [line('x1', 0, 1, 'early')] })])
    expect(writeSrt([{ ...cues[0]!, startMs: 3_723_004, endMs: 3_725_500 }])).toContain('01:02:03,004 --> 01:02:05,500')
    expect(writeSrt([])).toBe('')
    expect(parseSubtitles(writeVtt([]), 'vtt')).toEqual([])
  })
})
