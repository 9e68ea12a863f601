/** A cue read back from an SRT or WebVTT file. */
export interface ParsedCue {
  number: number
  startMs: number
  endMs: number
  text: string
}

/**
 * A strict reader for the two formats as the specs define them, so a test fails on anything a picky player would
 * refuse: cue numbers counting from 1 without gaps, the exact timestamp shape of each format, start before end,
 * non-empty text, nothing between cues but one blank line, and (WebVTT) the header and no raw `<`/`&` outside markup.
 */
export function parseSubtitles(text: string, format: 'srt' | 'vtt'): ParsedCue[] {
  let body = text
  if (format === 'vtt') {
    if (!body.startsWith('WEBVTT\n\n') && body !== 'WEBVTT\n') throw new Error('WebVTT must begin with "WEBVTT" and a blank line')
    body = body.slice('WEBVTT\n\n'.length)
  }
  if (body === '') return []
  if (!body.endsWith('\n') || body.endsWith('\n\n')) throw new Error('the file must end with exactly one newline')
  const separator = format === 'srt' ? ',' : '.'
  const timing = new RegExp(`^(\\d{2}):([0-5]\\d):([0-5]\\d)\\${separator}(\\d{3}) --> (\\d{2}):([0-5]\\d):([0-5]\\d)\\${separator}(\\d{3})$`)
  return body.slice(0, -1).split('\n\n').map((block, index) => {
    const [number, times, ...lines] = block.split('\n')
    if (number !== String(index + 1)) throw new Error(`cue ${index + 1} is numbered "${number}"`)
    const match = timing.exec(times ?? '')
    if (!match) throw new Error(`cue ${number} has a malformed timing line "${times}"`)
    const ms = (offset: number) => ((Number(match[offset]) * 60 + Number(match[offset + 1])) * 60 + Number(match[offset + 2])) * 1000 + Number(match[offset + 3])
    const cue = { number: index + 1, startMs: ms(1), endMs: ms(5), text: lines.join('\n') }
    if (cue.endMs <= cue.startMs) throw new Error(`cue ${number} ends before it starts`)
    if (lines.length === 0 || lines.some((line) => line.trim() === '')) throw new Error(`cue ${number} has an empty line of text`)
    if (lines.some((line) => line.includes('-->'))) throw new Error(`cue ${number} has "-->" in its text`)
    if (format === 'vtt' && /&(?!(amp|lt|gt);)|<(?!\/?v[ >])/.test(cue.text)) throw new Error(`cue ${number} has unescaped markup: ${cue.text}`)
    return cue
  })
}

/** A WebVTT cue's words as a viewer sees them: the voice tag off, entities decoded. */
export const vttWords = (text: string): { speaker: string | null; words: string } => {
  const voice = /^<v ([^>]*)>/.exec(text)
  const words = (voice ? text.slice(voice[0].length) : text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  return { speaker: voice ? voice[1]!.replace(/&lt;/g, '<').replace(/&amp;/g, '&') : null, words }
}
