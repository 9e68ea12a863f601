import { describe, expect, it } from 'vitest'
import type { MixSource } from '../../src/shared/audio/mix-plan'
import { scheduleSources, stopScheduled } from '../../src/renderer/src/features/film/film-sound-schedule'

/** A stand-in for Web Audio that records what the player asks of it: when each source starts, where in the file, and its gain ramps. */
function recordingContext() {
  const started: { offset: number; when: number; duration: number | undefined; stopped: boolean }[] = []
  const ramps: [kind: string, value: number, time: number][][] = []
  const context = {
    createBufferSource() {
      const record = { offset: 0, when: 0, duration: undefined as number | undefined, stopped: false }
      return {
        buffer: null as unknown,
        connect: (next: unknown) => next,
        disconnect() {},
        start(when: number, offset: number, duration?: number) {
          Object.assign(record, { when, offset, duration })
          started.push(record)
        },
        stop() {
          record.stopped = true
        },
      }
    },
    createGain() {
      const steps: [string, number, number][] = []
      ramps.push(steps)
      return {
        gain: {
          setValueAtTime: (value: number, time: number) => steps.push(['set', value, time]),
          linearRampToValueAtTime: (value: number, time: number) => steps.push(['ramp', value, time]),
        },
        connect: (next: unknown) => next,
        disconnect() {},
      }
    },
  }
  return { context: context as unknown as AudioContext, started, ramps }
}

const source = (fields: Partial<MixSource>): MixSource => ({ itemId: 'i', laneId: 'l', audioId: 'a', filmStartSeconds: 10, sourceInSeconds: 2, durationSeconds: 4, gain: 0.5, fadeInSeconds: 1, fadeOutSeconds: 2, ...fields })
const buffers = new Map([['a', {} as AudioBuffer]])

describe('scheduling the sound lanes in Play film', () => {
  it('starts an item still to come at its film time on the audio clock, from its trim point, with its fades as ramps', () => {
    const { context, started, ramps } = recordingContext()
    scheduleSources(context, {} as AudioNode, [source({})], buffers, 4, 100)
    expect(started).toEqual([{ when: 106, offset: 2, duration: 4, stopped: false }])
    expect(ramps[0]).toEqual([['set', 0, 106], ['ramp', 0.5, 107], ['ramp', 0.5, 108], ['ramp', expect.closeTo(0, 5), 110]])
  })

  it('joins an item already sounding part-way in, at the gain it has there, and skips what has ended', () => {
    const { context, started, ramps } = recordingContext()
    const scheduled = scheduleSources(context, {} as AudioNode, [source({}), source({ itemId: 'old', filmStartSeconds: 0 })], buffers, 12.5, 50)
    expect(started).toEqual([{ when: 50, offset: 4.5, duration: 1.5, stopped: false }])
    // 2.5 s into a 4 s item with a 2 s fade-out: three quarters of the way down the ramp starts at 0.5 × 0.75.
    expect(ramps[0]![0]).toEqual(['set', 0.375, 50])
    stopScheduled(scheduled)
    expect(started[0]!.stopped).toBe(true)
  })
})
