import sharp from 'sharp'

export interface TitleCardText {
  clipNumber: number
  title: string
  prompt: string
}

const PROMPT_LINE_CHARS = 56
const PROMPT_MAX_LINES = 4

/**
 * The still an animatic holds for a clip with no first frame: its number, title and the start of its prompt, white on
 * near-black, as a PNG of the film's size. Drawn from SVG so no font file ships with the app.
 */
export async function renderTitleCard(text: TitleCardText, width: number, height: number): Promise<Buffer> {
  const unit = height / 18
  const lines = wrap(text.prompt, PROMPT_LINE_CHARS).slice(0, PROMPT_MAX_LINES)
  const promptLines = lines
    .map((line, index) => `<tspan x="50%" dy="${index === 0 ? 0 : unit * 1.3}">${escapeXml(line)}</tspan>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#111214"/>
  <text x="50%" y="${height * 0.36}" fill="#8b8f98" font-family="sans-serif" font-size="${unit * 0.9}" text-anchor="middle">CLIP ${text.clipNumber}</text>
  <text x="50%" y="${height * 0.36 + unit * 2}" fill="#f2f3f5" font-family="sans-serif" font-size="${unit * 1.6}" font-weight="600" text-anchor="middle">${escapeXml(text.title || `Clip ${text.clipNumber}`)}</text>
  <text x="50%" y="${height * 0.36 + unit * 4}" fill="#c7cad1" font-family="sans-serif" font-size="${unit}" text-anchor="middle">${promptLines}</text>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  if (lines.length > PROMPT_MAX_LINES) lines[PROMPT_MAX_LINES - 1] = `${lines[PROMPT_MAX_LINES - 1]?.slice(0, width - 1)}…`
  return lines
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
