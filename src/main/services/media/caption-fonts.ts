import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The typeface burned-in captions are drawn in: Inter (SIL Open Font License), shipped in our npm dependencies so
 * every machine draws alike, whatever fonts it has. Like ffmpeg, in a packaged app the files sit in app.asar, which
 * ffmpeg cannot read, so electron-builder unpacks them (`asarUnpack`) and the paths point at the unpacked copies.
 */
export function captionFontFiles(): string[] {
  const manifest = createRequire(import.meta.url).resolve('@expo-google-fonts/inter/package.json')
  const dir = path.dirname(manifest).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return [path.join(dir, '600SemiBold', 'Inter_600SemiBold.ttf'), path.join(dir, '700Bold', 'Inter_700Bold.ttf')]
}
