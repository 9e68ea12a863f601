import type { CaptionCue } from './cut-captions'

/**
 * SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line after each. SRT has no speaker field, so a
 * speaker is written before the words ("MARA: Get down!"), as subtitlers do.
 */
export function writeSrt(cues: readonly CaptionCue[]): string {
  return cues
    .map((cue, index) => `${index + 1}\n${timestamp(cue.startMs, ',')} --> ${timestamp(cue.endMs, ',')}\n${plainLines(cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text)}\n`)
    .join('\n')
}

/** WebVTT: the header, cues timed `HH:MM:SS.mmm`, the speaker as a voice span (`<v MARA>`), markup characters escaped. */
export function writeVtt(cues: readonly CaptionCue[]): string {
  const body = cues.map((cue, index) => {
    const text = escapeVtt(plainLines(cue.text))
    const voiced = cue.speaker ? `<v ${escapeVtt(cue.speaker.replace(/[\r\n>]+/g, ' '))}>${text}` : text
    return `${index + 1}\n${timestamp(cue.startMs, '.')} --> ${timestamp(cue.endMs, '.')}\n${voiced}\n`
  })
  return ['WEBVTT\n', ...body].join('\n')
}

/**
 * The words as cue text: line breaks kept, but no blank line (it would end the cue early) and no `-->` (it would read
 * as a timing line).
 */
export function plainLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/-->/g, '->'))
    .filter(Boolean)
    .join('\n')
}

const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** `01:02:03,456` (SRT) or `01:02:03.456` (WebVTT). */
export function timestamp(ms: number, separator: ',' | '.'): string {
  const whole = Math.max(0, Math.round(ms))
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  const hours = Math.floor(whole / 3_600_000)
  const minutes = Math.floor(whole / 60_000) % 60
  const seconds = Math.floor(whole / 1000) % 60
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(whole % 1000, 3)}`
}
