/** What the first bytes of a file say it is. The extension is never trusted: a renamed file lies. */
export type SniffedFormat =
  | { supported: true; mime: 'image/png' | 'image/jpeg' }
  | { supported: false; label: string | null }

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0))

const unsupportedSignatures: { label: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { label: 'WebP', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { label: 'GIF', matches: (b) => startsWith(b, ascii('GIF8')) },
  { label: 'HEIC/AVIF', matches: (b) => startsWith(b, ascii('ftyp'), 4) },
  { label: 'BMP', matches: (b) => startsWith(b, ascii('BM')) },
  { label: 'TIFF', matches: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { label: 'PDF', matches: (b) => startsWith(b, ascii('%PDF')) },
  { label: 'SVG', matches: (b) => /^\s*(<\?xml[^>]*>\s*)?<svg/i.test(Buffer.from(b.subarray(0, 256)).toString('latin1')) },
]

export function sniffImageFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { supported: true, mime: 'image/jpeg' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { supported: true, mime: 'image/png' }
  return { supported: false, label: unsupportedSignatures.find((format) => format.matches(bytes))?.label ?? null }
}
