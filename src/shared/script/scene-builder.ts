import type { ScriptElement, ScriptScene } from './screenplay'

/** What a parser emits, in script order; `collectScenes` groups it into scenes and counts their pages. */
export type ScriptToken =
  | ScriptElement
  | { type: 'heading'; text: string; number: string | null; page?: number | undefined; eighths?: number | undefined }
  | { type: 'pageBreak' }

/** A printed screenplay page holds about 55 lines (Courier 12, one-inch margins); page counts are estimates of it. */
const LINES_PER_PAGE = 55
const wrapped = (text: string, width: number): number =>
  text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / width)), 0)

function linesOf(token: ScriptToken): number {
  switch (token.type) {
    case 'heading':
    case 'transition':
      return 2
    case 'action':
      return wrapped(token.text, 61) + 1
    case 'dialogue':
      return 2 + token.lines.reduce((sum, line) => sum + (line.parenthetical ? wrapped(line.parenthetical, 25) : 0) + wrapped(line.text, 35), 0)
    case 'lyrics':
    case 'centered':
      return wrapped(token.text, 61) + 1
    case 'pageBreak':
      return 0
  }
}

/**
 * Groups tokens into scenes. Anything before the first heading (a cold open written without one) becomes a scene
 * of its own, headed "Opening". Page and length come from the file when it states them (Final Draft does),
 * else from the line estimate above; a forced page break moves the count to the next page.
 */
export function collectScenes(tokens: readonly ScriptToken[]): ScriptScene[] {
  const scenes: ScriptScene[] = []
  const headingCounts = new Map<string, number>()
  let line = 0
  let current: { scene: ScriptScene; startLine: number; stated: boolean } | null = null
  const close = () => {
    if (!current) return
    if (!current.stated) current.scene.eighths = Math.max(1, Math.round(((line - current.startLine) / LINES_PER_PAGE) * 8))
    if (current.scene.elements.length > 0 || current.scene.heading !== '') scenes.push(current.scene)
    current = null
  }
  const open = (heading: string, number: string | null, page?: number, eighths?: number) => {
    close()
    const seen = (headingCounts.get(heading) ?? 0) + 1
    headingCounts.set(heading, seen)
    const key = number !== null ? `#${number}` : seen === 1 ? heading : `${heading} (${seen})`
    const scene: ScriptScene = { key, number, heading, page: page ?? Math.floor(line / LINES_PER_PAGE) + 1, eighths: eighths ?? 1, elements: [] }
    current = { scene, startLine: line, stated: eighths !== undefined }
    return current
  }
  for (const token of tokens) {
    if (token.type === 'pageBreak') {
      line = Math.ceil(line / LINES_PER_PAGE) * LINES_PER_PAGE
      continue
    }
    if (token.type === 'heading') open(token.text, token.number, token.page, token.eighths)
    else (current ?? open('', null)).scene.elements.push(token)
    line += linesOf(token)
  }
  close()
  return scenes
}
