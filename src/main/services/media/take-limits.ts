import { apiRules } from '../../../shared/domain/api-rules'

/**
 * How much a take can hold. Kling makes takes of at most 15 s; twice that leaves room for takes that run long while
 * anything past these is a damaged or crafted file, refused before Omniboard spends memory or time on it.
 */
export const MAX_TAKE_SECONDS = apiRules.maxDuration * 2

/** Samples in one track: 120 a second is more than 60 fps video or 96 kHz AAC (94 frames a second) needs. */
export const MAX_TAKE_SAMPLES = MAX_TAKE_SECONDS * 120

/** A take's whole file: 30 s at 100 Mbit/s is 375 MB, far above what Kling delivers. */
export const MAX_TAKE_BYTES = 512 * 1024 * 1024

/** A take's index (`moov`) is tens of KB; a few MB is already far more than its sample tables can need. */
export const MAX_TAKE_INDEX_BYTES = 4 * 1024 * 1024

/** Why a track is refused when its index claims more samples than MAX_TAKE_SAMPLES. */
export const tooManySamples = (count: number): string =>
  `its index claims ${count.toLocaleString('en')} frames or sound packets in one track, more than a take holds`
