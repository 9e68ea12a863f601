import type { ImageSourceKind } from '../../../shared/domain/project'

/** Formats Omniboard can read and turn into what Kling takes. JPEG and PNG are what Kling accepts as they are. */
export type ImageKind = ImageSourceKind

export const kindLabels: Record<ImageKind, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  heic: 'HEIC',
  gif: 'GIF',
  tiff: 'TIFF',
  bmp: 'BMP',
}

/** What the first bytes of a file say it is. The extension is never trusted: a renamed file lies. */
export type SniffedFormat = { readable: true; kind: ImageKind } | { readable: false; label: string | null }

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0))
const latin1 = (bytes: Uint8Array, start: number, end: number): string => Buffer.from(bytes.subarray(start, end)).toString('latin1')

/** ISO-BMFF images name their flavour in the `ftyp` box: AVIF brands, else the HEIF/HEIC family. */
function heifKind(bytes: Uint8Array): ImageKind | null {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return null
  const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0))
  const brands = [latin1(bytes, 8, 12), ...(latin1(bytes, 16, Math.max(16, boxEnd)).match(/.{4}/g) ?? [])]
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif'
  if (brands.some((brand) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))) return 'heic'
  return null
}

const readableSignatures: { kind: ImageKind; matches: (bytes: Uint8Array) => boolean }[] = [
  { kind: 'jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { kind: 'png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'webp', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { kind: 'gif', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { kind: 'tiff', matches: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { kind: 'bmp', matches: (b) => startsWith(b, ascii('BM')) && b.length >= 26 },
]

const unreadableSignatures: { label: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { label: 'PDF', matches: (b) => startsWith(b, ascii('%PDF')) },
  { label: 'SVG', matches: (b) => /^\s*(<\?xml[^>]*>\s*)?<svg/i.test(latin1(b, 0, 256)) },
  { label: 'HTML', matches: (b) => /^\s*(<!doctype html|<html|<head|<body)/i.test(latin1(b, 0, 256)) },
]

export function sniffImageFormat(bytes: Uint8Array): SniffedFormat {
  const heif = heifKind(bytes)
  if (heif) return { readable: true, kind: heif }
  const readable = readableSignatures.find((format) => format.matches(bytes))
  if (readable) return { readable: true, kind: readable.kind }
  return { readable: false, label: unreadableSignatures.find((format) => format.matches(bytes))?.label ?? null }
}

/** Labels read with "an": SVG and HTML are spelled out letter by letter, AVIF starts with a vowel. */
const anLabels = new Set(['SVG', 'HTML', 'AVIF'])

/** "a PNG", "an SVG": the article follows how the name is spoken. */
export const withArticle = (label: string): string => `${anLabels.has(label) ? 'an' : 'a'} ${label}`
