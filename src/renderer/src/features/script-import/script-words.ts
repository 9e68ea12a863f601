import { beatText, type Beat } from '../../../../shared/script/beats'

/** "1 3/8 pages", "3/8 page", "2 pages": a scene's length as a script supervisor writes it. */
export function pageLength(eighths: number): string {
  const pages = Math.floor(eighths / 8)
  const rest = eighths % 8
  const words = [pages > 0 ? String(pages) : '', rest > 0 ? `${rest}/8` : ''].filter(Boolean).join(' ')
  return `${words} ${eighths <= 8 ? 'page' : 'pages'}`
}

/** What a proposed clip holds, in the script's words on one line: the action, or who says what. */
export const beatSummary = (beat: Beat): string => beatText(beat).replace(/\n/g, ' ')
