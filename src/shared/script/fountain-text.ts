/**
 * Text clean-up for Fountain, written as plain scans rather than regular expressions over the whole file, so a
 * hostile script (a lone "/*", thousands of asterisks) costs time in proportion to its length and no more.
 */

/** Removes spans from `open` to `close`; an unclosed boneyard hides the rest of the file, as Fountain apps show it. */
export function removeSpans(text: string, open: string, close: string, unclosedToEnd: boolean): string {
  let out = ''
  let from = 0
  for (;;) {
    const start = text.indexOf(open, from)
    if (start === -1) break
    const end = text.indexOf(close, start + open.length)
    if (end === -1) {
      if (unclosedToEnd) return out + text.slice(from, start)
      break
    }
    out += text.slice(from, start)
    from = end + close.length
  }
  return out + text.slice(from)
}

/**
 * Drops emphasis markers (`*italic*`, `**bold**`, `_underline_`) and the backslash of escaped ones: a prompt
 * carries words, not typography. A marker with no partner on its line is kept as written.
 */
export function plainText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/(\*{1,3})(?=\S)([^*\n]*?\S)\1/g, '$2').replace(/_(?=\S)([^_\n]*?\S)_/g, '$1').replace(/\\([*_])/g, '$1'))
    .join('\n')
    .trim()
}
