import { defaultFilmCaptions, FilmCaptionsSchema, type FilmCaptions } from '../shared/captions/film-captions-options'

/** The film's caption flags and the option of FilmCaptions each one sets. */
const flags = {
  '--captions': 'mode',
  '--caption-font': 'font',
  '--caption-size': 'size',
  '--caption-position': 'position',
  '--caption-margin': 'marginPercent',
} as const satisfies Record<string, keyof FilmCaptions>
export type CaptionFlag = keyof typeof flags

export const isCaptionFlag = (word: string): word is CaptionFlag => Object.hasOwn(flags, word)

/**
 * `--captions soft|burn` and the burn-in style flags, read into `FilmCaptions` (unset ones take the defaults).
 * Returns the options, null when no caption flag was given, or a usage message.
 */
export function filmCaptionsFrom(given: ReadonlyMap<CaptionFlag, string>): FilmCaptions | null | string {
  if (given.size === 0) return null
  if (!given.has('--captions')) return 'The --caption-… flags style captions: add --captions soft or --captions burn.'
  const options: Record<string, unknown> = { ...defaultFilmCaptions }
  for (const [flag, value] of given) options[flags[flag]] = flag === '--caption-margin' && /^\d+$/.test(value) ? Number(value) : value
  const parsed = FilmCaptionsSchema.safeParse(options)
  if (parsed.success) return parsed.data
  const flag = [...given.keys()].find((candidate) => parsed.error.issues.some((issue) => issue.path[0] === flags[candidate]))
  return `${flag} does not take "${flag ? given.get(flag) : ''}": ${usageOf(flag)}.`
}

function usageOf(flag: CaptionFlag | undefined): string {
  if (flag === '--caption-margin') return 'give a safe margin of 0 to 20 (percent of the picture)'
  const field = flag ? flags[flag] : 'mode'
  const shape = FilmCaptionsSchema.shape[field]
  return 'options' in shape ? `use ${shape.options.join(' or ')}` : 'see omniboard --help'
}
