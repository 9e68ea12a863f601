import { describe, expect, it } from 'vitest'
import { defaultMix, type AudioFile, type AudioItem, type AudioLane, type Mix } from '../../../src/shared/domain/audio-schema'
import { applyEdit } from '../../../src/shared/domain/edits'
import { dbToGain, placeItem, planMix, sourceGainAt, spansFromDurations, type ClipSpan } from '../../../src/shared/audio/mix-plan'

const song: AudioFile = { id: 'a'.repeat(64), kind: 'mp3', durationSeconds: 30, sampleRate: 44100, channels: 2, bytes: 1000, originalName: 'song.mp3', importedAt: '2026-12-07T00:00:00Z' }
const item = (fields: Partial<AudioItem> = {}): AudioItem => ({ id: 'i1', audioId: song.id, startSeconds: 0, anchor: null, sourceInSeconds: 0, durationSeconds: 10, gainDb: 0, fadeInSeconds: 0, fadeOutSeconds: 0, ...fields })
const lane = (id: string, items: AudioItem[], fields: Partial<AudioLane> = {}): AudioLane => ({ id, name: id, muted: false, solo: false, items, ...fields })
const mixOf = (lanes: AudioLane[], fields: Partial<Mix> = {}): Mix => ({ ...defaultMix, lanes, ...fields })
const clips: ClipSpan[] = spansFromDurations([{ id: 'c1', duration: 5 }, { id: 'c2', duration: 5 }, { id: 'c3', duration: 5 }])

describe('planMix', () => {
  it('turns dB into linear gain: 0 dB is 1, −6 dB about a half, −20 dB a tenth', () => {
    const plan = planMix(mixOf([lane('l', [item({ gainDb: -6 }), item({ id: 'i2', gainDb: -20, startSeconds: 2 })])]), [song], clips, 15)
    expect(plan.sources.map((source) => source.gain)).toEqual([dbToGain(-6), dbToGain(-20)])
    expect(plan.sources[0]!.gain).toBeCloseTo(0.501, 3)
    expect(plan.sources[1]!.gain).toBeCloseTo(0.1, 6)
  })

  it('places an item anchored to a clip at that clip’s start plus its offset, and moves it when the clip moves', () => {
    const anchored = item({ startSeconds: 6, anchor: { clipId: 'c2', offsetSeconds: 1 }, durationSeconds: 2 })
    expect(planMix(mixOf([lane('l', [anchored])]), [song], clips, 15).sources[0]!.filmStartSeconds).toBe(6)
    const moved = spansFromDurations([{ id: 'c2', duration: 5 }, { id: 'c1', duration: 5 }, { id: 'c3', duration: 5 }])
    expect(planMix(mixOf([lane('l', [anchored])]), [song], moved, 15).sources[0]!.filmStartSeconds).toBe(1)
    const retimed = spansFromDurations([{ id: 'c1', duration: 8 }, { id: 'c2', duration: 5 }, { id: 'c3', duration: 5 }])
    expect(planMix(mixOf([lane('l', [anchored])]), [song], retimed, 18).sources[0]!.filmStartSeconds).toBe(9)
    // Its clip removed, it stays at the film time it last had.
    expect(planMix(mixOf([lane('l', [anchored])]), [song], spansFromDurations([{ id: 'c1', duration: 5 }]), 15).sources[0]!.filmStartSeconds).toBe(6)
  })

  it('keeps an item anchored to the film at its time whatever the clips do', () => {
    const fixed = item({ startSeconds: 4 })
    expect(planMix(mixOf([lane('l', [fixed])]), [song], spansFromDurations([{ id: 'c3', duration: 2 }]), 15).sources[0]!.filmStartSeconds).toBe(4)
  })

  it('cuts an item to its file, to the end of the film and to time zero, shortening its fades to fit', () => {
    const late = item({ sourceInSeconds: 25, durationSeconds: 10, startSeconds: 1 })
    expect(planMix(mixOf([lane('l', [late])]), [song], clips, 15).sources[0]!.durationSeconds).toBe(5)
    const pastEnd = item({ startSeconds: 12, durationSeconds: 10, fadeInSeconds: 2, fadeOutSeconds: 4 })
    const source = planMix(mixOf([lane('l', [pastEnd])]), [song], clips, 15).sources[0]!
    expect([source.durationSeconds, source.fadeInSeconds, source.fadeOutSeconds]).toEqual([3, 1, 2])
    const early = item({ startSeconds: 0, anchor: { clipId: 'c1', offsetSeconds: -2 }, durationSeconds: 5, fadeInSeconds: 3 })
    const trimmed = planMix(mixOf([lane('l', [early])]), [song], clips, 15).sources[0]!
    expect([trimmed.filmStartSeconds, trimmed.sourceInSeconds, trimmed.durationSeconds, trimmed.fadeInSeconds]).toEqual([0, 2, 3, 1])
    expect(planMix(mixOf([lane('l', [item({ startSeconds: 15 })])]), [song], clips, 15).sources).toEqual([])
  })

  it('fades in and out along straight lines under the item’s gain', () => {
    const source = { gain: 0.5, durationSeconds: 10, fadeInSeconds: 2, fadeOutSeconds: 4 }
    expect([0, 1, 2, 5, 6, 8, 10].map((t) => sourceGainAt(source, t))).toEqual([0, 0.25, 0.5, 0.5, 0.5, 0.25, 0])
    expect(sourceGainAt(source, 11)).toBe(0)
  })

  it('plays only soloed lanes when one is soloed, never a muted one, and skips items whose file is gone', () => {
    const lanes = [lane('music', [item({ id: 'm' })]), lane('voice', [item({ id: 'v' })], { solo: true }), lane('fx', [item({ id: 'f' })], { muted: true })]
    expect(planMix(mixOf(lanes), [song], clips, 15).sources.map((source) => source.itemId)).toEqual(['v'])
    expect(planMix(mixOf(lanes.map((l) => ({ ...l, solo: false }))), [song], clips, 15).sources.map((source) => source.itemId)).toEqual(['m', 'v'])
    expect(planMix(mixOf(lanes), [], clips, 15).sources).toEqual([])
  })

  it('levels each clip’s own sound by the dialogue level plus its own, never above full level', () => {
    const plan = planMix(mixOf([], { dialogueDb: -6, clipDialogueDb: { c2: -14 } }), [song], clips, 15)
    expect(plan.dialogue.map((level) => [level.clipId, level.startSeconds, Number(level.gain.toFixed(3))])).toEqual([['c1', 0, 0.501], ['c2', 5, 0.1], ['c3', 10, 0.501]])
  })
})

describe('placing on the lanes', () => {
  it('anchors a placed item to the clip playing at its start, or to the film', () => {
    expect(placeItem(7, true, clips)).toEqual({ startSeconds: 7, anchor: { clipId: 'c2', offsetSeconds: 2 } })
    expect(placeItem(7, false, clips)).toEqual({ startSeconds: 7, anchor: null })
    expect(placeItem(-1, true, clips)).toEqual({ startSeconds: 0, anchor: { clipId: 'c1', offsetSeconds: 0 } })
  })
})

describe('sound edits', () => {
  const doc = { name: 'Film', defaults: { mode: 'pro' as const, aspectRatio: '16:9' as const, sound: 'off' as const, duration: 5 }, clips: [], elements: [] }

  it('adds an item on a new lane, moves it, sets its gain, mutes its lane and removes it; a project without a mix gets one', () => {
    const added = applyEdit(doc, { type: 'addAudioItem', laneId: 'music', laneName: 'Music', item: item() })
    expect(added.mix?.lanes.map((l) => [l.name, l.items.length])).toEqual([['Music', 1]])
    const moved = applyEdit(added, { type: 'updateAudioItem', itemId: 'i1', patch: { startSeconds: 3, gainDb: -6 } })
    expect(moved.mix?.lanes[0]!.items[0]).toMatchObject({ startSeconds: 3, gainDb: -6, durationSeconds: 10 })
    expect(added.mix?.lanes[0]!.items[0]!.startSeconds).toBe(0)
    const muted = applyEdit(moved, { type: 'updateAudioLane', laneId: 'music', patch: { muted: true } })
    expect(muted.mix?.lanes[0]!.muted).toBe(true)
    expect(applyEdit(muted, { type: 'removeAudioItem', itemId: 'i1' }).mix?.lanes[0]!.items).toEqual([])
  })

  it('sets the dialogue level, a clip’s own level (0 dB removes it) and the loudness target', () => {
    const levelled = applyEdit(applyEdit(doc, { type: 'setMixLevels', patch: { dialogueDb: -3, loudness: 'broadcast' } }), { type: 'setClipDialogue', clipId: 'c1', db: -12 })
    expect(levelled.mix).toMatchObject({ dialogueDb: -3, loudness: 'broadcast', clipDialogueDb: { c1: -12 } })
    expect(applyEdit(levelled, { type: 'setClipDialogue', clipId: 'c1', db: 0 }).mix?.clipDialogueDb).toEqual({})
  })
})
