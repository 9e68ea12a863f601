import { createRequire } from 'node:module'

/**
 * The ffmpeg binary shipped inside the `@ffmpeg-installer/*` npm package for this platform. In a packaged app the
 * package sits in app.asar, which cannot execute files, so electron-builder unpacks it (`asarUnpack`) and the path
 * is pointed at the unpacked copy.
 */
export function bundledFfmpegPath(): string {
  const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }
  return installer.path.replace(`app.asar${sep()}`, `app.asar.unpacked${sep()}`)
}

const sep = (): string => (process.platform === 'win32' ? '\\' : '/')
