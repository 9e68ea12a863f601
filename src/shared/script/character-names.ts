/**
 * How a character cue becomes a name: "ÉLODIE (CONT'D)", "Élodie" and "elodie (V.O.)" are one person. Extensions
 * in parentheses are dropped, accents and case ignored, so a script's cues find the elements and library
 * characters the user already named.
 */
export function characterKey(name: string): string {
  return speakerName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
}

/** The cue without its extensions, "(V.O.)", "(O.S.)", "(CONT'D)" and the like, as written. */
export function speakerName(cue: string): string {
  return cue
    .replace(/\^$/, '')
    .replace(/(\s*\([^()]*\))+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** An element's name for a cue: as written when it has lower case ("McCLANE"), else in title case ("Élodie"). */
export function displayName(cue: string): string {
  const name = speakerName(cue)
  if (name !== name.toUpperCase()) return name
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/** Where a name is mentioned in action text as a whole word, accents and case aside: [start, end) pairs. */
export function mentionsOf(text: string, name: string): Array<[number, number]> {
  const folded = fold(text)
  const target = fold(name)
  if (target === '') return []
  const found: Array<[number, number]> = []
  for (let at = folded.indexOf(target); at !== -1; at = folded.indexOf(target, at + target.length)) {
    const end = at + target.length
    if (!isWordChar(folded[at - 1]) && !isWordChar(folded[end])) found.push([at, end])
  }
  return found
}

/** Folds case and accents letter by letter, so positions in the result are positions in the original. */
const fold = (text: string): string =>
  Array.from(text, (char) => {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    return base.length === char.length ? base : char.toUpperCase().slice(0, char.length)
  }).join('')

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_]/u.test(char)
