import { describe, expect, it } from 'vitest'
import type { CaptionCue } from '../../../src/shared/captions/cut-captions'
import { flattenCues } from '../../../src/shared/captions/flatten-cues'

const cue = (startMs: number, endMs: number, text: string, speaker: string | null = null): CaptionCue => ({ startMs, endMs, text, speaker })

describe('captions for a subtitle track, which plays one cue at a time', () => {
  it('shows overlapping lines together, split where one starts or ends, speakers before their words', () => {
    const flat = flattenCues([cue(0, 2000, 'Not tonight.', 'ÉLODIE'), cue(1500, 4000, '(thunder)'), cue(2000, 4000, 'Open the door!', 'TOMAS')])
    expect(flat).toEqual([
      cue(0, 1500, 'ÉLODIE: Not tonight.'),
      cue(1500, 2000, 'ÉLODIE: Not tonight.\n(thunder)'),
      cue(2000, 4000, '(thunder)\nTOMAS: Open the door!'),
    ])
    for (let i = 1; i < flat.length; i++) expect(flat[i]!.startMs).toBeGreaterThanOrEqual(flat[i - 1]!.endMs)
  })

  it('keeps gaps as gaps and cues that do not overlap as they were', () => {
    expect(flattenCues([cue(0, 1000, 'a'), cue(1500, 2000, 'b'), cue(2000, 2500, 'c')])).toEqual([cue(0, 1000, 'a'), cue(1500, 2000, 'b'), cue(2000, 2500, 'c')])
    expect(flattenCues([])).toEqual([])
  })
})
