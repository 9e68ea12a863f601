// 64 symbols, so `byte & 63` maps every random byte to a symbol without bias.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** A short url-safe random id (16 symbols, 96 bits) that satisfies `IdSchema`; works in Node 20 and browsers. */
export function newId(length = 16): string {
  const size = Math.min(Math.max(1, Math.trunc(length)), 64)
  const bytes = new Uint8Array(size)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  for (const byte of bytes) id += alphabet[byte & 63]
  return id
}
