import type { CutEntry, CutPlan, CutShot, FrameRate } from './cut-plan'

/** The entry playing at film time `seconds`: the last one starting at or before it (the last entry at the very end). */
export function entryIndexAt(plan: CutPlan, seconds: number): number {
  let found = 0
  plan.entries.forEach((entry, index) => {
    if (entry.startSeconds <= seconds + 1e-9) found = index
  })
  return found
}

/** The shot of `entry` showing `secondsIntoEntry` after the entry's start. */
export function shotAt(entry: CutEntry, secondsIntoEntry: number): CutShot | null {
  let found: CutShot | null = entry.shots[0] ?? null
  for (const shot of entry.shots) if (shot.startSeconds <= secondsIntoEntry + 1e-9) found = shot
  return found
}

/** Frames per second of the film for stepping: the first take's rate, or 24 for an animatic-only cut. */
export function stepRate(plan: CutPlan): FrameRate {
  for (const entry of plan.entries) if (entry.kind === 'take') return entry.media.frameRate
  return { num: 24, den: 1 }
}

/** Moves by whole frames and keeps the time inside the film. */
export function stepFrames(plan: CutPlan, seconds: number, frames: number): number {
  const rate = stepRate(plan)
  const frame = Math.round((seconds * rate.num) / rate.den) + frames
  return clampTime(plan, (frame * rate.den) / rate.num)
}

/** The start of the previous (`-1`) or next (`+1`) clip; going back from inside a clip returns to its own start first. */
export function clipBoundary(plan: CutPlan, seconds: number, direction: -1 | 1): number {
  const index = entryIndexAt(plan, seconds)
  const entry = plan.entries[index]
  if (!entry) return 0
  if (direction === 1) return plan.entries[index + 1]?.startSeconds ?? plan.durationSeconds
  const intoEntry = seconds - entry.startSeconds
  if (intoEntry > 0.5 || index === 0) return entry.startSeconds
  return plan.entries[index - 1]?.startSeconds ?? 0
}

export const clampTime = (plan: CutPlan, seconds: number): number => Math.min(Math.max(0, seconds), plan.durationSeconds)

/** `m:ss.f`, the way editors show a playhead. */
export function formatFilmTime(seconds: number): string {
  const tenths = Math.floor(Math.max(0, seconds) * 10 + 1e-6)
  const minutes = Math.floor(tenths / 600)
  const rest = (tenths % 600) / 10
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`
}
