import { describe, expect, it } from 'vitest'
import { clipAtX, secondsOfX, snapToKnots, trackGeometry, xInClip, xOfSeconds, type ClipShape } from '../../src/renderer/src/features/timeline/track-geometry'
import { clipWidth, shotTrackLeft } from '../../src/renderer/src/features/timeline/track-layout'

const px = 40
// Clip 1: 5 s with a poster; clip 2: 10 s in three shots (2, 5, 3 s); clip 3: 5 s, one prompt.
const shapes: ClipShape[] = [
  { id: 'c1', duration: 5, hasPoster: true, shotSeconds: [] },
  { id: 'c2', duration: 10, hasPoster: false, shotSeconds: [2, 5, 3] },
  { id: 'c3', duration: 5, hasPoster: false, shotSeconds: [] },
]
const geometry = trackGeometry(shapes, px)
const [one, two, three] = geometry.clips as [NonNullable<(typeof geometry.clips)[0]>, NonNullable<(typeof geometry.clips)[0]>, NonNullable<(typeof geometry.clips)[0]>]

describe('the timeline’s time axis, shared by clip cards and sound lanes', () => {
  it('lays the cards out as the track does: its widths, one 8 px gap apart', () => {
    expect(geometry.widths).toEqual([clipWidth(5, true, px), clipWidth(10, false, px), clipWidth(5, false, px)])
    expect(geometry.offsets).toEqual([0, one.width + 8, one.width + 8 + two.width + 8])
    expect(geometry.endX).toBe(three.left + three.width)
    expect(geometry.endSeconds).toBe(20)
  })

  it('draws a clip’s start at its card’s left edge, its end at the right edge and each shot boundary on its handle', () => {
    expect(xOfSeconds(geometry, 0)).toBe(0)
    expect(xOfSeconds(geometry, 5)).toBe(two.left)
    expect(xOfSeconds(geometry, 5, 'end')).toBe(one.left + one.width)
    expect(xOfSeconds(geometry, 15)).toBe(three.left)
    const shotsLeft = two.left + shotTrackLeft(false)
    expect(xOfSeconds(geometry, 7)).toBe(shotsLeft + 2 * px)
    expect(xOfSeconds(geometry, 12)).toBe(shotsLeft + 7 * px)
    expect(xOfSeconds(geometry, 20, 'end')).toBe(geometry.endX)
  })

  it('reads times back from x, holds the boundary time over the gap between cards, and runs on past the last card', () => {
    for (const seconds of [0.5, 3, 6.2, 7, 9.9, 14, 16.25]) expect(secondsOfX(geometry, xOfSeconds(geometry, seconds))).toBeCloseTo(seconds, 9)
    expect(secondsOfX(geometry, one.left + one.width + 4)).toBe(5)
    expect(secondsOfX(geometry, geometry.endX + 2 * px)).toBe(22)
    expect(xOfSeconds(geometry, 22)).toBe(geometry.endX + 2 * px)
    expect(secondsOfX(geometry, -10)).toBe(0)
  })

  it('puts a point through a clip on that clip’s own card, even at its very end', () => {
    expect(xInClip(geometry, 1, 0)).toBe(two.left)
    expect(xInClip(geometry, 1, 0.7)).toBe(xOfSeconds(geometry, 12))
    expect(xInClip(geometry, 0, 1)).toBe(one.left + one.width)
    expect(xInClip(geometry, 5, 0.5)).toBeNull()
  })

  it('names the clip under x and how far through it, a gap belonging to the card before it', () => {
    expect(clipAtX(geometry, xOfSeconds(geometry, 12))).toEqual({ index: 1, fraction: 0.7 })
    expect(clipAtX(geometry, one.left + one.width + 4)).toEqual({ index: 0, fraction: 1 })
    expect(clipAtX(geometry, two.left)).toEqual({ index: 1, fraction: 0 })
    expect(clipAtX(geometry, geometry.endX + 100)).toEqual({ index: 2, fraction: 1 })
    expect(clipAtX(trackGeometry([], px), 10)).toBeNull()
  })

  it('snaps a time drawn near a card edge or shot boundary onto it, and leaves one drawn farther away', () => {
    expect(snapToKnots(geometry, secondsOfX(geometry, two.left + 6), 8)).toBe(5)
    expect(snapToKnots(geometry, secondsOfX(geometry, xOfSeconds(geometry, 12) - 5), 8)).toBe(12)
    const away = secondsOfX(geometry, two.left + 40)
    expect(snapToKnots(geometry, away, 8)).toBe(away)
  })

  it('moves the drawn place of every later clip’s start when an earlier clip is retimed', () => {
    const retimed = trackGeometry([{ ...shapes[0]!, duration: 8 }, shapes[1]!, shapes[2]!], px)
    expect(xOfSeconds(retimed, 18)).toBe(retimed.clips[2]!.left)
    expect(retimed.clips[2]!.left - three.left).toBe(3 * px)
  })

  it('without clips, is the zoom’s plain seconds axis', () => {
    const empty = trackGeometry([], px)
    expect(xOfSeconds(empty, 2)).toBe(80)
    expect(secondsOfX(empty, 80)).toBe(2)
  })
})
