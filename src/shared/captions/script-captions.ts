import { captionLimits, type CaptionLine } from '../domain/caption-line'
import type { DialogueLine } from '../domain/clip-script'

/** Characters a viewer reads in a second: subtitling guides put the comfortable rate at 15–17. */
export const READING_CHARS_PER_SECOND = 15
/** Two subtitle lines of 42 characters, the broadcast norm; a longer speech is split into several captions. */
const MAX_CAPTION_CHARS = 84
/** A caption longer than this on screen reads as stuck; guides cap it at 7 s. */
const MAX_CAPTION_SECONDS = 7
/** Even "Hm." gets a second's share, or it would flash by. */
const MIN_SHARE_CHARS = READING_CHARS_PER_SECOND

type Piece = { text: string; speaker: string }

/**
 * Caption lines for a clip from the dialogue a screenplay import attached to it: each speech split into captions of
 * at most two subtitle lines, the clip's duration shared among them by their length in characters (what reading
 * them takes), each shown from the start of its share for the share or 7 s, whichever is shorter. Never past the
 * clip's end; timed to the millisecond.
 */
export function captionsFromDialogue(dialogue: readonly DialogueLine[], clipSeconds: number, newId: () => string): CaptionLine[] {
  const pieces = dialogue.flatMap((line) => splitSpeech(line.text).map((text) => ({ text, speaker: line.character.trim() }))).slice(0, captionLimits.linesPerClip)
  const seconds = Math.min(clipSeconds, captionLimits.maxSeconds)
  if (pieces.length === 0 || !(seconds > 0)) return []
  const weights = pieces.map((piece) => Math.max(MIN_SHARE_CHARS, piece.text.length))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  let start = 0
  return pieces.map((piece: Piece, index) => {
    const share = (seconds * weights[index]!) / total
    const line: CaptionLine = {
      id: newId(),
      text: piece.text,
      startSeconds: toMs(start),
      endSeconds: Math.min(seconds, toMs(start + Math.min(share, MAX_CAPTION_SECONDS))),
      ...(piece.speaker ? { speaker: piece.speaker.slice(0, captionLimits.speakerChars) } : {}),
    }
    start += share
    return line
  })
}

/** Sentences joined while they fit one caption; a sentence longer than a caption is broken between words. */
export function splitSpeech(text: string): string[] {
  const sentences = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?…])\s+/).filter(Boolean)
  const pieces: string[] = []
  for (const sentence of sentences.flatMap(breakBetweenWords)) {
    const last = pieces.length - 1
    if (last >= 0 && pieces[last]!.length + 1 + sentence.length <= MAX_CAPTION_CHARS) pieces[last] += ` ${sentence}`
    else pieces.push(sentence)
  }
  return pieces
}

function breakBetweenWords(sentence: string): string[] {
  const parts: string[] = []
  let current = ''
  for (const word of sentence.split(' ')) {
    // A single "word" longer than a caption (a URL, a scream of letters) is cut, not allowed to overflow.
    for (let rest = word; rest.length > 0; rest = rest.slice(MAX_CAPTION_CHARS)) {
      const chunk = rest.slice(0, MAX_CAPTION_CHARS)
      if (current && current.length + 1 + chunk.length <= MAX_CAPTION_CHARS) current += ` ${chunk}`
      else {
        if (current) parts.push(current)
        current = chunk
      }
    }
  }
  if (current) parts.push(current)
  return parts
}

const toMs = (seconds: number): number => Math.round(seconds * 1000) / 1000
