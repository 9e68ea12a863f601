// What the built main process did to Electron, in order. Every stand-in API call lands here as
// { seq, api, args }, with its arguments turned into plain data the test process can receive.

/** @type {{ seq: number, api: string, args: unknown[] }[]} */
export const records = []
let seq = 0

/** Records one call; returns its sequence number (the test compares them to check what came first). */
export function record(api, ...args) {
  const entry = { seq: ++seq, api, args: args.map((arg) => plain(arg)) }
  records.push(entry)
  if (process.env.STANDIN_TRACE === '1') console.error('[electron]', entry.seq, api, JSON.stringify(entry.args).slice(0, 300))
  return seq
}

/** Plain data for the test: functions become a marker, our fakes describe themselves, cycles and depth are cut. */
export function plain(value, depth = 0, seen = new Set()) {
  if (value === null || value === undefined) return value
  if (typeof value === 'function') return '[function]'
  if (typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value
  if (typeof value.toRecord === 'function') return value.toRecord()
  if (value instanceof Uint8Array) return value
  if (value instanceof Error) return { error: value.message }
  if (value instanceof URL) return value.href
  if (depth > 10 || seen.has(value)) return '[cut]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1, seen))
  const out = {}
  for (const [key, item] of Object.entries(value)) out[key] = plain(item, depth + 1, seen)
  return out
}

// Properties callers may probe without meaning to use an Electron API (promises, inspection, JSON).
const probes = new Set(['then', 'toJSON', 'toRecord', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType', '$$typeof'])

/**
 * Reading a property the stand-in does not provide is recorded as `stand-in:missing`, so a main process that
 * starts using more of Electron makes the test say what to add instead of passing on an `undefined`.
 */
export function watchMissing(target, name) {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && !(property in object) && !probes.has(property) && !property.startsWith('_')) {
        record('stand-in:missing', `${name}.${property}`)
      }
      return Reflect.get(object, property, receiver)
    },
  })
}

/** The event object Electron passes first to every listener; `preventDefault` is how the app answers. */
export function electronEvent(fields = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...fields,
  }
  return event
}
