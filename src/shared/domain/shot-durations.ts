import { apiRules } from './api-rules'
import type { Clip } from './project'

/** Only a customize multi-shot clip sends `multi_prompt`, so only there must shot durations add up to the clip's. */
export function usesShotDurations(clip: Pick<Clip, 'multiShot' | 'shotType'>): boolean {
  return clip.multiShot && clip.shotType === 'customize'
}

export function sumDurations(durations: readonly number[]): number {
  return durations.reduce((sum, d) => sum + d, 0)
}

/**
 * Brings shot durations within the API's clip range after one shot changed (`focus`):
 * every shot is at least 1 s; over 15 s the changed shot gives time back first, then the longest others;
 * under 3 s the changed shot grows. The user's latest change is the one that yields, so earlier decisions
 * stay put. With more shots than the range can hold (7+ at 1 s is still ≤ 15, so only 16+) the sum stays
 * over and validation reports it.
 */
export function balanceShotDurations(durations: readonly number[], focus: number): number[] {
  const next = durations.map((d) => Math.max(apiRules.minShotDuration, Math.trunc(d)))
  if (next.length === 0) return next
  const at = Math.min(Math.max(0, focus), next.length - 1)
  let excess = sumDurations(next) - apiRules.maxDuration
  if (excess > 0) {
    const fromFocus = Math.min(excess, next[at]! - apiRules.minShotDuration)
    next[at]! -= fromFocus
    excess -= fromFocus
  }
  while (excess > 0) {
    const longest = next.reduce((best, d, i) => (d > next[best]! ? i : best), 0)
    if (next[longest]! <= apiRules.minShotDuration) break
    next[longest]! -= 1
    excess -= 1
  }
  const shortfall = apiRules.minDuration - sumDurations(next)
  if (shortfall > 0) next[at]! += shortfall
  return next
}

/**
 * Fits shots to a clip duration the user typed: the last shot absorbs the difference, and when it
 * shrinks to 1 s the shots before it give up time in turn. A total below one second per shot cannot
 * be met, so it is raised to the shot count.
 */
export function fitShotsToDuration(durations: readonly number[], total: number): { durations: number[]; total: number } {
  const next = durations.map((d) => Math.max(apiRules.minShotDuration, Math.trunc(d)))
  const target = Math.max(Math.trunc(total), next.length * apiRules.minShotDuration)
  if (next.length === 0) return { durations: next, total: target }
  let diff = target - sumDurations(next)
  if (diff > 0) next[next.length - 1]! += diff
  for (let i = next.length - 1; diff < 0 && i >= 0; i--) {
    const take = Math.min(-diff, next[i]! - apiRules.minShotDuration)
    next[i]! -= take
    diff += take
  }
  return { durations: next, total: target }
}

/** Moves the boundary after shot `index` by `delta` seconds; both neighbours keep at least 1 s. */
export function moveBoundary(durations: readonly number[], index: number, delta: number): number[] {
  const left = durations[index]
  const right = durations[index + 1]
  if (left === undefined || right === undefined) return [...durations]
  const min = apiRules.minShotDuration
  const clamped = Math.min(Math.max(Math.trunc(delta), min - left), right - min)
  const next = [...durations]
  next[index] = left + clamped
  next[index + 1] = right - clamped
  return next
}
