import type { Prices } from '../settings'
import type { Clip } from './project'

/** Dollars per second for the clip's mode and sound: sound costs extra, pro more than std. */
export function ratePerSecond(clip: Pick<Clip, 'mode' | 'sound'>, prices: Prices): number {
  if (clip.mode === 'std') return clip.sound === 'on' ? prices.stdWithSoundPerSecond : prices.stdPerSecond
  return clip.sound === 'on' ? prices.proWithSoundPerSecond : prices.proPerSecond
}

/** An estimate in dollars; rounded to a hundredth of a cent so 5 × 0.112 reads 0.56, not 0.5600000000000001. */
export function estimateClipCost(clip: Pick<Clip, 'mode' | 'sound' | 'duration'>, prices: Prices): number {
  return roundUsd(ratePerSecond(clip, prices) * Math.max(0, clip.duration))
}

/** An edit is as long as its source and billed by the source's duration, rounded to the second. */
export const editBilledSeconds = (sourceSeconds: number): number => Math.max(0, Math.round(sourceSeconds))

/** An edit sends no sound of its own (the source's is kept or dropped), so it is priced at the no-sound rate. */
export function estimateEditCost(mode: Clip['mode'], sourceSeconds: number, prices: Prices): number {
  return estimateClipCost({ mode, sound: 'off', duration: editBilledSeconds(sourceSeconds) }, prices)
}

export function estimateClipsCost(clips: readonly Pick<Clip, 'mode' | 'sound' | 'duration'>[], prices: Prices): number {
  return roundUsd(clips.reduce((sum, clip) => sum + estimateClipCost(clip, prices), 0))
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** "$0.56"; a non-zero amount under a cent reads "<$0.01" rather than a misleading "$0.00". */
export function formatUsd(dollars: number): string {
  if (dollars > 0 && dollars < 0.005) return '<$0.01'
  return usd.format(dollars)
}

/** Dollars to a hundredth of a cent, so sums of estimates read 0.56, not 0.5600000000000001. */
export function roundUsd(dollars: number): number {
  return Math.round(dollars * 10_000) / 10_000
}
