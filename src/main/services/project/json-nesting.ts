const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/** How many steps of the path a refusal names: enough for `takes.0.request` or `clips.3.prompt`. */
const SHOWN_SEGMENTS = 3

/** An open object or array: which member of it the scan is in (a key's bytes, or an index). */
type Frame = { array: boolean; index: number; keyStart: number; keyEnd: number }

/**
 * Where JSON text first nests deeper than `maxDepth` objects and arrays, as the first steps of the path to it
 * (`takes.0.request`), or null. One pass over the bytes, without parsing: JSON.parse would build any depth,
 * but what reads the result (sorting keys to save it, structured clone to the window) recurses and would overflow
 * the stack. Bytes of multi-byte UTF-8 characters never equal the ASCII bytes looked for, so bytes are enough.
 */
export function tooDeeplyNestedAt(bytes: Buffer, maxDepth: number): string | null {
  const stack: Frame[] = []
  let inString = false
  let escaped = false
  let expectKey = false
  let key: Frame | null = null
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (inString) {
      if (escaped) escaped = false
      else if (byte === BACKSLASH) escaped = true
      else if (byte === QUOTE) {
        inString = false
        if (key) key.keyEnd = i
        key = null
      }
      continue
    }
    const top = stack.at(-1)
    if (byte === QUOTE) {
      inString = true
      if (expectKey && top) {
        key = top
        top.keyStart = i + 1
        expectKey = false
      }
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (stack.length >= maxDepth) return pathOf(stack, bytes)
      stack.push({ array: byte === OPEN_ARRAY, index: 0, keyStart: 0, keyEnd: 0 })
      expectKey = byte === OPEN_OBJECT
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      stack.pop()
      expectKey = false
    } else if (byte === COMMA && top) {
      if (top.array) top.index++
      else expectKey = true
    }
  }
  return null
}

function pathOf(stack: readonly Frame[], bytes: Buffer): string {
  const segments = stack.slice(0, SHOWN_SEGMENTS).map((frame) => (frame.array ? String(frame.index) : keyText(bytes, frame)))
  return segments.join('.') || 'the top level'
}

/** A key as written, unescaped; cut short, since a hostile key can be megabytes long. */
function keyText(bytes: Buffer, frame: Frame): string {
  const raw = bytes.subarray(frame.keyStart, Math.min(frame.keyEnd, frame.keyStart + 80)).toString('utf8')
  try {
    return JSON.parse(`"${raw}"`) as string
  } catch {
    return raw
  }
}
