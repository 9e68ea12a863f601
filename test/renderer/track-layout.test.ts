import { describe, expect, it } from 'vitest'
import { clipOffsets, clipsInSpan, trackItems } from '../../src/renderer/src/features/timeline/track-layout'

const widths = [100, 200, 100, 300, 100]
const offsets = clipOffsets(widths, 10)

describe('the timeline track layout', () => {
  it('places clips one gap apart and finds the ones a scrolled view overlaps', () => {
    expect(offsets).toEqual([0, 110, 320, 430, 740])
    expect(clipsInSpan(offsets, widths, 0, 50)).toEqual([0, 0])
    expect(clipsInSpan(offsets, widths, 315, 435)).toEqual([2, 3])
    expect(clipsInSpan(offsets, widths, 850, 900)).toBeNull()
  })

  it('stands one gap of the exact width in for each run of clips left out, keeping pinned clips in place', () => {
    const items = trackItems(offsets, widths, [2, 2], [4])
    expect(items).toEqual([
      { kind: 'gap', key: 'gap-0', width: 310 },
      { kind: 'clip', index: 2 },
      { kind: 'gap', key: 'gap-3', width: 300 },
      { kind: 'clip', index: 4 },
    ])
    // With the track's gap around each stand-in, every rendered clip starts where the layout puts it.
    const gap = 10
    let x = 0
    const starts: number[] = []
    for (const item of items) {
      if (item.kind === 'clip') starts.push(x)
      x += (item.kind === 'gap' ? item.width : widths[item.index]!) + gap
    }
    expect(starts).toEqual([offsets[2], offsets[4]])
  })

  it('renders every clip when there is no span to go by', () => {
    expect(trackItems(offsets, widths, null, []).map((item) => item.kind)).toEqual(['clip', 'clip', 'clip', 'clip', 'clip'])
  })
})
