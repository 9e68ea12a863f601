import { pathToFileURL } from 'node:url'

/**
 * An absolute path as a `file://` URL, percent-encoded (spaces, `#`, `%`, `?`, accents, CJK): `/Users/ana/My Film`
 * → `file:///Users/ana/My%20Film`, `C:\Films\été` → `file:///C:/Films/%C3%A9t%C3%A9`, `\\server\share\x` →
 * `file://server/share/x`, as Final Cut, Resolve and OpenTimelineIO's url_utils read them. `platform` is the one
 * whose paths these are (this machine's unless a test says otherwise).
 */
export function mediaFileUrl(absolutePath: string, platform: NodeJS.Platform = process.platform): string {
  return pathToFileURL(absolutePath, { windows: platform === 'win32' }).href
}
