import { elementToken } from '../domain/api-rules'
import type { DialogueLine } from '../domain/clip-script'
import type { Beat } from './beats'
import { characterKey, mentionsOf } from './character-names'

/** Who is in a clip, in its element order: `<<<element_N>>>` is the Nth. `name` is how the script writes them. */
export type ClipCast = ReadonlyArray<{ key: string; name: string }>

export type BeatPrompt = { text: string; omittedLines: number }

/**
 * A beat's prompt within `limit` characters (2,500 for a clip, 512 for a shot). Action is the script's words with
 * each character's name as their element chip. A dialogue exchange says who talks; with `speak`, each line follows
 * in the form Kling's 3.0 guides show for native audio — the speaker in brackets with the tone from the
 * parenthetical, then the words in quotes — one line per speech, in order, for as many lines as fit.
 */
export function beatPrompt(beat: Beat, cast: ClipCast, speak: boolean, limit: number): BeatPrompt {
  if (beat.kind === 'action') return { text: fit(withChips(beat.text, cast), limit), omittedLines: 0 }
  const speakers = [...new Set(beat.lines.map((line) => characterKey(line.character)))].map((key) => chipFor(key, cast, beat.lines))
  const who = `${listed(speakers)} ${speakers.length > 1 ? 'talk' : 'speaks'}.`
  if (!speak) return { text: fit(who, limit), omittedLines: 0 }
  let text = fit(who, limit)
  let omittedLines = 0
  for (const line of beat.lines) {
    const spoken = `\n${spokenLine(line, cast)}`
    if (omittedLines === 0 && text.length + spoken.length <= limit) text += spoken
    else omittedLines += 1
  }
  return { text, omittedLines }
}

function spokenLine(line: DialogueLine, cast: ClipCast): string {
  const tone = line.parenthetical?.replace(/^\(|\)$/g, '').trim()
  const speaker = chipFor(characterKey(line.character), cast, [line])
  return `[${speaker}${tone ? `, ${tone}` : ''}]: "${line.text.replace(/"/g, "'")}"`
}

function chipFor(key: string, cast: ClipCast, lines: readonly DialogueLine[]): string {
  const at = cast.findIndex((member) => member.key === key)
  if (at !== -1) return elementToken(at + 1)
  return lines.find((line) => characterKey(line.character) === key)?.character ?? key
}

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

/** Each mention of a cast member's name becomes their chip (replaced from the end, so positions hold). */
function withChips(text: string, cast: ClipCast): string {
  const spans = cast.flatMap((member, i) => mentionsOf(text, member.name).map(([start, end]) => ({ start, end, token: elementToken(i + 1) })))
  spans.sort((a, b) => b.start - a.start)
  let out = text
  let floor = Infinity
  for (const span of spans) {
    if (span.end > floor) continue // overlaps a longer name already replaced
    out = out.slice(0, span.start) + span.token + out.slice(span.end)
    floor = span.start
  }
  return out
}

/** Cuts at a word boundary with an ellipsis, never inside an element chip. */
function fit(text: string, limit: number): string {
  if (text.length <= limit) return text
  let cut = text.slice(0, limit - 1)
  const openChip = cut.lastIndexOf('<<<')
  if (openChip !== -1 && cut.indexOf('>>>', openChip) === -1) cut = cut.slice(0, openChip)
  const space = cut.lastIndexOf(' ')
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
