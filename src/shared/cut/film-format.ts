import type { FrameRate, TakeMedia } from './cut-plan'

export interface FilmFormat {
  width: number
  height: number
  frameRate: FrameRate
}

/** When no take has been made yet, animatic-only films use Kling's 16:9 720p at 24 fps. */
export const fallbackFilmFormat: FilmFormat = { width: 1280, height: 720, frameRate: { num: 24, den: 1 } }

/**
 * The size and frame rate a mixed film is normalised to: whatever most of the film's running time already is, so
 * the fewest seconds are rescaled (ties go to the larger picture, which loses nothing).
 */
export function chooseFilmFormat(takes: readonly TakeMedia[]): FilmFormat {
  const size = commonest(takes, (media) => `${media.width}x${media.height}`, (media) => media.width * media.height)
  const rate = commonest(takes, (media) => `${media.frameRate.num}/${media.frameRate.den}`, (media) => media.frameRate.num / media.frameRate.den)
  if (!size || !rate) return fallbackFilmFormat
  return { width: size.width, height: size.height, frameRate: rate.frameRate }
}

function commonest(takes: readonly TakeMedia[], key: (media: TakeMedia) => string, tieBreak: (media: TakeMedia) => number): TakeMedia | null {
  const seconds = new Map<string, { media: TakeMedia; seconds: number }>()
  for (const media of takes) {
    const entry = seconds.get(key(media)) ?? { media, seconds: 0 }
    entry.seconds += media.durationSeconds
    seconds.set(key(media), entry)
  }
  let best: { media: TakeMedia; seconds: number } | null = null
  for (const entry of seconds.values()) {
    const longer = best === null || entry.seconds > best.seconds + 1e-9
    const tiedButBigger = best !== null && Math.abs(entry.seconds - best.seconds) <= 1e-9 && tieBreak(entry.media) > tieBreak(best.media)
    if (longer || tiedButBigger) best = entry
  }
  return best?.media ?? null
}
