import { createRequire } from 'node:module'
import path from 'node:path'
import { unpackedPath } from '../ffmpeg/unpacked-path'

/**
 * The typeface burned-in captions are drawn in: Inter (SIL Open Font License), shipped in our npm dependencies so
 * every machine draws alike, whatever fonts it has; ffmpeg reads them, so in a packaged app from their unpacked copies.
 */
export function captionFontFiles(): string[] {
  const manifest = createRequire(import.meta.url).resolve('@expo-google-fonts/inter/package.json')
  const dir = unpackedPath(path.dirname(manifest))
  return [path.join(dir, '600SemiBold', 'Inter_600SemiBold.ttf'), path.join(dir, '700Bold', 'Inter_700Bold.ttf')]
}
