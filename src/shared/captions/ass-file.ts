import type { CaptionCue } from './cut-captions'
import { captionSizeShare, type FilmCaptions } from './film-captions-options'
import { plainLines } from './subtitle-files'

/** The families of the two Inter files Omniboard ships for burn-in (see services/media/caption-fonts). */
const fontNames: Record<FilmCaptions['font'], { name: string; bold: 0 | -1 }> = { regular: { name: 'Inter SemiBold', bold: 0 }, bold: { name: 'Inter', bold: -1 } }

/**
 * An Advanced SubStation Alpha script that libass burns into a picture of `width`×`height`: its coordinates are the
 * picture's own pixels, so the size and margins land as asked. White text with a dark outline reads on any shot.
 */
export function writeAss(cues: readonly CaptionCue[], style: Omit<FilmCaptions, 'mode'>, width: number, height: number): string {
  const font = fontNames[style.font]
  const size = Math.round(height * captionSizeShare[style.size])
  const outline = Math.max(1, Math.round(size / 14))
  const marginX = Math.round((width * style.marginPercent) / 100)
  const marginY = Math.round((height * style.marginPercent) / 100)
  const alignment = style.position === 'bottom' ? 2 : 8
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${width}`,
    `PlayResY: ${height}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: Caption,${font.name},${size},&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,${font.bold},0,0,0,100,100,0,0,1,${outline},0,${alignment},${marginX},${marginX},${marginY},1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...cues.map((cue) => `Dialogue: 0,${assTime(cue.startMs)},${assTime(cue.endMs)},Caption,,0,0,0,,${assText(cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text)}`),
    '',
  ].join('\n')
}

/**
 * Words as ASS shows them literally: braces would open an override block and a backslash an escape (`\N`, `\h`), so
 * braces become parentheses and a word joiner follows each backslash; line breaks become `\N`.
 */
function assText(text: string): string {
  return plainLines(text)
    .replace(/\\/g, '\\\u2060')
    .replace(/\{/g, '(')
    .replace(/\}/g, ')')
    .split('\n')
    .join('\\N')
}

/** `H:MM:SS.cc`: ASS counts centiseconds. */
function assTime(ms: number): string {
  const cs = Math.round(Math.max(0, ms) / 10)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${Math.floor(cs / 360_000)}:${pad(Math.floor(cs / 6000) % 60)}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}`
}
