import type { FrameRate } from '../cut/cut-plan'

/** Frames per second as one number, as OpenTimelineIO stores `rate` (30000/1001 → 29.97002997…). */
export function rateValue(rate: FrameRate): number {
  return rate.num / rate.den
}

/** The nearest whole frame to a time; editors count frames, so every format writes whole frames. */
export function framesAt(seconds: number, rate: FrameRate): number {
  return Math.round((seconds * rate.num) / rate.den)
}

export function sameRate(a: FrameRate, b: FrameRate): boolean {
  return a.num * b.den === b.num * a.den
}

/** FCPXML's rational seconds: 48 frames at 24 fps → "48/24s", at 30000/1001 → "48048/30000s"; zero → "0s". */
export function rationalSeconds(frames: number, rate: FrameRate): string {
  if (frames === 0) return '0s'
  return `${frames * rate.den}/${rate.num}s`
}

/**
 * SMPTE non-drop-frame timecode HH:MM:SS:FF. NTSC rates count at their nominal whole rate (29.97 → 30), as
 * CMX3600 NON-DROP FRAME does, so the labels run slightly slower than the wall clock there.
 */
export function timecode(frames: number, rate: FrameRate): string {
  const fps = Math.max(1, Math.round(rateValue(rate)))
  const ff = frames % fps
  const totalSeconds = Math.floor(frames / fps)
  const parts = [Math.floor(totalSeconds / 3600), Math.floor(totalSeconds / 60) % 60, totalSeconds % 60, ff]
  return parts.map((part) => String(part).padStart(2, '0')).join(':')
}
