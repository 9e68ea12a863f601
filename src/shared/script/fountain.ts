import { collectScenes, type ScriptToken } from './scene-builder'
import { plainText, removeSpans } from './fountain-text'
import type { Screenplay, SpokenLine } from './screenplay'

/**
 * Reads Fountain (fountain.io, version 1.1) line by line, in one pass. Notes (`[[…]]`) and boneyard (`/* … *\/`) are
 * removed first; title page, scene headings (with `#12#` numbers, forced with `.`), action (forced with `!`),
 * characters (forced with `@`, extensions, `^` for dual dialogue), parentheticals, dialogue, lyrics (`~`),
 * centered text (`>…<`), transitions (forced with `>`), page breaks (`===`), sections (`#`) and synopses (`=`).
 */
export function parseFountain(source: string): Screenplay {
  const text = removeSpans(removeSpans(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), '/*', '*/', true), '[[', ']]', false)
  const lines = text.split('\n')
  const { title, bodyStart } = readTitlePage(lines)
  return { title, format: 'fountain', scenes: collectScenes(readBody(lines.slice(bodyStart))) }
}

const TITLE_KEY = /^(title|credit|authors?|source|draft date|date|contact|copyright|notes|revisions?)\s*:(.*)$/i

function readTitlePage(lines: readonly string[]): { title: string | null; bodyStart: number } {
  if (!TITLE_KEY.test(lines[0] ?? '')) return { title: null, bodyStart: 0 }
  let title: string[] | null = null
  let inTitle = false
  let i = 0
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const match = TITLE_KEY.exec(lines[i]!)
    if (match) {
      inTitle = match[1]!.toLowerCase() === 'title'
      if (inTitle) title = match[2]!.trim() ? [match[2]!.trim()] : []
    } else if (inTitle) title?.push(lines[i]!.trim())
  }
  return { title: title && title.length > 0 ? plainText(title.join(' ')) : null, bodyStart: i }
}

const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === ''
const SCENE_START = /^(int|ext|est|int\.?\/ext|i\/e)[. ]/i
const SCENE_NUMBER = /#([\w.-]+)#$/

/** A character cue: upper-case letters (extensions in parentheses may be lower case), or forced with `@`. */
function cueOf(line: string): { cue: string; dual: boolean } | null {
  let cue = line.trim()
  const dual = cue.endsWith('^')
  if (dual) cue = cue.slice(0, -1).trim()
  if (cue.startsWith('@')) return { cue: cue.slice(1).trim(), dual }
  const name = cue.replace(/\(.*\)$/, '').trim()
  if (!/\p{L}/u.test(name) || name !== name.toUpperCase() || /^[!.>~=#]/.test(name) || name.endsWith('TO:')) return null
  return { cue, dual }
}

function heading(line: string): ScriptToken {
  let text = line.trim().replace(/^\.(?!\.)/, '')
  const number = SCENE_NUMBER.exec(text)
  if (number) text = text.slice(0, number.index).trim()
  return { type: 'heading', text: plainText(text).toUpperCase(), number: number ? number[1]! : null }
}

function readBody(lines: readonly string[]): ScriptToken[] {
  const tokens: ScriptToken[] = []
  let action: string[] = []
  let lyrics: string[] = []
  const flush = () => {
    if (action.length > 0) tokens.push({ type: 'action', text: plainText(action.join('\n')) })
    if (lyrics.length > 0) tokens.push({ type: 'lyrics', text: plainText(lyrics.join('\n')) })
    action = []
    lyrics = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const trimmed = line.trim()
    const after = isBlank(lines[i - 1])
    if (trimmed === '') {
      flush()
      continue
    }
    if (trimmed.startsWith('~')) {
      if (action.length > 0) flush()
      lyrics.push(trimmed.slice(1))
      continue
    }
    if (lyrics.length > 0) flush()
    if (/^={3,}$/.test(trimmed)) {
      flush()
      tokens.push({ type: 'pageBreak' })
    } else if (trimmed.startsWith('!')) action.push(trimmed.slice(1))
    else if (/^#/.test(trimmed) || /^=(?!=)/.test(trimmed)) flush() // a section or synopsis: the writer's outline
    else if (trimmed.startsWith('>') && trimmed.endsWith('<')) {
      flush()
      tokens.push({ type: 'centered', text: plainText(trimmed.slice(1, -1)) })
    } else if (trimmed.startsWith('>')) {
      flush()
      tokens.push({ type: 'transition', text: plainText(trimmed.slice(1)) })
    } else if (after && (/^\.[^.]/.test(trimmed) || SCENE_START.test(trimmed))) {
      flush()
      tokens.push(heading(trimmed))
    } else if (after && isBlank(lines[i + 1]) && trimmed === trimmed.toUpperCase() && trimmed.endsWith('TO:')) {
      flush()
      tokens.push({ type: 'transition', text: trimmed })
    } else if (after && !isBlank(lines[i + 1]) && cueOf(trimmed)) {
      flush()
      i = readDialogue(lines, i, tokens)
    } else action.push(line.trimEnd())
  }
  flush()
  return tokens
}

/** Reads a dialogue block from its cue to the next blank line; returns the index of its last line. */
function readDialogue(lines: readonly string[], cueAt: number, tokens: ScriptToken[]): number {
  const { cue, dual } = cueOf(lines[cueAt]!)!
  const spoken: SpokenLine[] = []
  let parenthetical: string | null = null
  let i = cueAt + 1
  for (; i < lines.length && !isBlank(lines[i]); i++) {
    const trimmed = lines[i]!.trim()
    if (trimmed.startsWith('(') && trimmed.endsWith(')')) parenthetical = plainText(trimmed)
    else {
      const last = spoken[spoken.length - 1]
      // Lines without a parenthetical between them are one speech, wrapped.
      if (last && parenthetical === null) last.text = `${last.text} ${plainText(trimmed)}`
      else spoken.push({ parenthetical, text: plainText(trimmed) })
      parenthetical = null
    }
  }
  if (parenthetical !== null) spoken.push({ parenthetical, text: '' })
  const previous = tokens[tokens.length - 1]
  if (dual && previous?.type === 'dialogue') previous.dual = true
  tokens.push({ type: 'dialogue', cue: plainText(cue), lines: spoken, dual })
  return i - 1
}
