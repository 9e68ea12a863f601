import type { CutPlan } from '../../src/shared/cut/cut-plan'

export type CutEvent = { kind: 'frame'; slot: number; src: string; mediaTime: number; at: number } | { kind: 'shown'; what: string; at: number }

export type Boundary = {
  /** 1-based clip numbers either side. */
  from: number
  to: number
  kinds: string
  /** The outgoing take's last frame on screen → the incoming picture painted (in the outgoing take's frames). */
  outToInFrames: number | null
  /** The incoming take's first picture → its next new frame (in its own frames): how soon it really plays. */
  inToNextFrames: number | null
  gapFrames: number
  outgoingLastMediaTime: number | null
  incomingFirstMediaTime: number | null
}

export type CutAnalysis = {
  boundaries: Boundary[]
  /** Film start (clip 1's first frame) → each clip on screen, minus the plan's start of that clip, in ms. */
  offsetsMs: number[]
  /** The last frame's presentation plus one frame, minus the first frame's, minus the plan's duration. */
  endDriftMs: number
  endDriftFrames: number
  /** The same intervals inside the takes (away from their ends), in frames: how steady this machine presents at all. */
  withinClip: { maxFrames: number; p95Frames: number }
}

const frameSeconds = (plan: CutPlan, index: number): number => {
  const entry = plan.entries[index]
  return entry?.kind === 'take' ? entry.media.frameRate.den / entry.media.frameRate.num : 1 / 24
}

/**
 * Reads the recorder's events against the plan: when each clip came on screen, the frames it presented while on
 * screen, and at each boundary the intervals between presented pictures (see bench/README.md, `film.boundaryGap`).
 */
export function analyseCut(plan: CutPlan, events: readonly CutEvent[]): CutAnalysis {
  const shownKey = (index: number): string => {
    const entry = plan.entries[index]!
    return entry.kind === 'take' ? `take/${entry.takeId}/` : `card:Clip ${entry.clipNumber}`
  }
  const matches = (what: string, index: number): boolean => (plan.entries[index]!.kind === 'take' ? what.startsWith('video:') && what.includes(shownKey(index)) : what === shownKey(index))
  const shownAt: number[] = []
  let from = 0
  plan.entries.forEach((_, index) => {
    const shown = events.find((event, at) => at >= from && event.kind === 'shown' && matches(event.what, index))
    if (!shown) throw new Error(`clip ${index + 1} never came on screen`)
    shownAt.push(shown.at)
    from = events.indexOf(shown)
  })
  // Frames a take presented while it was the picture on screen (a preloaded video presents its first frame hidden).
  const framesOf = (index: number): Extract<CutEvent, { kind: 'frame' }>[] => {
    const entry = plan.entries[index]!
    if (entry.kind !== 'take') return []
    const until = shownAt[index + 1] ?? Number.POSITIVE_INFINITY
    return events.filter((e): e is Extract<CutEvent, { kind: 'frame' }> => e.kind === 'frame' && e.src.includes(`take/${entry.takeId}/`) && e.at >= shownAt[index]! - 1 && e.at <= until + 1)
  }
  const frames = plan.entries.map((_, index) => framesOf(index))
  const boundaries: Boundary[] = []
  for (let index = 1; index < plan.entries.length; index++) {
    const [out, into] = [frames[index - 1]!, frames[index]!]
    const appear = shownAt[index]!
    const last = out.filter((f) => f.at <= appear + 1).at(-1) ?? null
    // A frame presented within 4 ms of the swap is the picture that came on screen, not a new one.
    const next = into.find((f) => f.at > appear + 4) ?? null
    const outToIn = last === null ? null : (appear - last.at) / 1000 / frameSeconds(plan, index - 1)
    const inToNext = plan.entries[index]!.kind === 'take' ? (next === null ? Number.POSITIVE_INFINITY : (next.at - appear) / 1000 / frameSeconds(plan, index)) : null
    boundaries.push({
      from: index,
      to: index + 1,
      kinds: `${plan.entries[index - 1]!.kind}→${plan.entries[index]!.kind}`,
      outToInFrames: outToIn,
      inToNextFrames: inToNext,
      gapFrames: Math.max(outToIn ?? 0, inToNext ?? 0),
      outgoingLastMediaTime: last?.mediaTime ?? null,
      incomingFirstMediaTime: into[0]?.mediaTime ?? null,
    })
  }
  const firstFrames = frames[0]!
  const start = firstFrames[0]?.at ?? shownAt[0]!
  const offsetsMs = plan.entries.map((entry, index) => shownAt[index]! - start - entry.startSeconds * 1000)
  const lastIndex = plan.entries.length - 1
  const lastFrame = frames[lastIndex]!.at(-1)
  if (!lastFrame) throw new Error('the last clip presented no frame')
  const endDriftMs = lastFrame.at + frameSeconds(plan, lastIndex) * 1000 - start - plan.durationSeconds * 1000
  const within = frames.flatMap((list, index) => list.slice(2, -2).slice(1).map((f, i) => (f.at - list[i + 2]!.at) / 1000 / frameSeconds(plan, index))).sort((a, b) => a - b)
  const withinClip = { maxFrames: within.at(-1) ?? 0, p95Frames: within[Math.floor(within.length * 0.95)] ?? 0 }
  return { boundaries, offsetsMs, endDriftMs, endDriftFrames: endDriftMs / 1000 / frameSeconds(plan, lastIndex), withinClip }
}
