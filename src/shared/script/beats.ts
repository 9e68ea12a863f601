import type { DialogueLine } from '../domain/clip-script'
import { speakerName } from './character-names'
import type { ScriptScene } from './screenplay'

/** One unit a clip is made of: an action paragraph, or an exchange of speeches without action between them. */
export type Beat = { kind: 'action'; text: string } | { kind: 'dialogue'; lines: DialogueLine[] }

/**
 * The duration rule, stated once: dialogue takes its words at 2.5 words a second (unhurried film speech), action
 * its words at 3 a second (a reader's pace through the page), and a clip is clamped to Kling's 3–15 s.
 */
export const SPOKEN_WORDS_PER_SECOND = 2.5
export const ACTION_WORDS_PER_SECOND = 3

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length

export function beatSeconds(beat: Beat): number {
  if (beat.kind === 'action') return wordCount(beat.text) / ACTION_WORDS_PER_SECOND
  return beat.lines.reduce((sum, line) => sum + wordCount(line.text), 0) / SPOKEN_WORDS_PER_SECOND
}

/** Lines as a script reads them, one speech a line: "ÉLODIE (to herself): Not tonight." (shot list, PDF, diffs). */
export const dialogueText = (lines: readonly DialogueLine[]): string =>
  lines.map((line) => `${line.character}${line.parenthetical ? ` ${line.parenthetical}` : ''}: ${line.text}`).join('\n')

/** The script's words of a beat as one text, the unit a later draft is compared by. */
export const beatText = (beat: Beat): string => (beat.kind === 'action' ? beat.text : dialogueText(beat.lines))

/** An exchange longer than a clip can hold is cut between speeches. */
const MAX_EXCHANGE_SECONDS = 15

/**
 * A scene's beats. Lyrics are sung action ("Sung: …"), centered text a title card; transitions and page breaks
 * shape the page, not the picture, and are left out.
 */
export function sceneBeats(scene: ScriptScene): Beat[] {
  const beats: Beat[] = []
  for (const element of scene.elements) {
    const last = beats[beats.length - 1]
    if (element.type === 'action') beats.push({ kind: 'action', text: element.text })
    else if (element.type === 'lyrics') beats.push({ kind: 'action', text: `Sung: "${element.text.replace(/\n/g, ' / ')}"` })
    else if (element.type === 'centered') beats.push({ kind: 'action', text: `Title card: ${element.text}` })
    else if (element.type === 'dialogue') {
      const lines = element.lines.filter((line) => line.text !== '').map((line) => ({ character: speakerName(element.cue), ...line }))
      if (lines.length === 0) continue
      const joined = last?.kind === 'dialogue' ? { kind: 'dialogue' as const, lines: [...last.lines, ...lines] } : null
      if (last?.kind === 'dialogue' && joined && beatSeconds(joined) <= MAX_EXCHANGE_SECONDS) last.lines = joined.lines
      else beats.push({ kind: 'dialogue', lines })
    }
  }
  return beats
}
