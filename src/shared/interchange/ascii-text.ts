/** Letters and punctuation that Unicode does not decompose into ASCII but that have a customary ASCII spelling. */
const spelled: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ı: 'i', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u201C': '"', '\u201D': '"',
  '\u201E': '"', '\u2033': '"', '«': '"', '»': '"', '\u2039': "'", '\u203A': "'", '\u2026': '...', '\u2022': '*', '·': '.',
  '×': 'x', '\u2044': '/', '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ',
}

/**
 * Text as printable ASCII, for formats that are ASCII by definition (CMX3600 EDL): accents dropped (é → e), dashes,
 * quotes and the ellipsis spelled out, and a run of anything else (日本, emoji, other scripts) as a single `?`.
 * `?` rather than a romanisation: reading a CJK name (日本 is Nihon or Riben) needs a language and a dictionary we
 * do not have, and a wrong spelling is worse than a visible gap; the full name stays in the OTIO and FCPXML.
 * Line breaks and tabs become spaces and runs of spaces one, so the result is one line.
 */
export function asciiText(text: string): string {
  const mapped = [...text.normalize('NFKD')].map((char) => spelled[char] ?? char).join('')
  return mapped
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7E]+/g, '?')
    .trim()
}
