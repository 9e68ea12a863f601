/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF'

/** RFC 4180: CRLF between records; a field with a comma, quote, line break or edge spaces is quoted, quotes doubled. */
export function encodeCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(encodeField).join(',')).join('\r\n') + '\r\n'
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula, so a prompt could open links or
 * fetch data in Excel (CSV injection). Such a cell, or one already starting with apostrophes before those, gets one
 * more leading apostrophe — Excel's own mark for text — and parseCsv takes exactly one away again.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

function encodeField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw
  if (!/[",\r\n]|^\s|\s$/.test(value)) return value
  return `"${value.replace(/"/g, '""')}"`
}

const decodeField = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value)

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; line: number; message: string }

/**
 * Parses RFC 4180 text (with or without a BOM; CRLF or bare LF line ends, as spreadsheets and editors write them).
 * A stray quote inside an unquoted field, or a quoted field never closed, is an error with its line number.
 */
export function parseCsv(text: string): CsvParse {
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  let line = 1
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        field += char
      }
      continue
    }
    if (char === '"') {
      if (fieldStarted) return { ok: false, line, message: 'a quote inside an unquoted field' }
      quoted = true
      fieldStarted = true
    } else if (char === ',') {
      row.push(decodeField(field))
      field = ''
      fieldStarted = false
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++
      row.push(decodeField(field))
      rows.push(row)
      row = []
      field = ''
      fieldStarted = false
      line++
    } else {
      field += char
      fieldStarted = true
    }
  }
  if (quoted) return { ok: false, line, message: 'a quoted field is never closed' }
  if (fieldStarted || row.length > 0) rows.push([...row, decodeField(field)])
  return { ok: true, rows }
}
