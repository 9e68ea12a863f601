import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export type ArgvContext = {
  /** `process.defaultApp`: started as `electron <app path>`, whose first argument is the app, not a project. */
  defaultApp: boolean
  /** The directory the command ran in (for `second-instance`, the other instance's). */
  cwd: string
}

/**
 * The project folder named on a command line (`omniboard "My film.omniboard"`), or null. Switches are skipped:
 * Chromium adds its own to a second instance's argv, and macOS adds `-psn_…`.
 */
export function projectPathFromArgv(argv: readonly string[], context: ArgvContext): string | null {
  const args = argv.slice(context.defaultApp ? 2 : 1)
  const path = args.find((arg) => arg !== '' && !arg.startsWith('-'))
  if (path === undefined) return null
  return isAbsolute(path) ? path : resolve(context.cwd, path)
}

/** A folder dropped on the window makes the page try to navigate to it; its path, when that is what happened. */
export function pathOfDroppedFileUrl(url: string): string | null {
  if (!url.startsWith('file:')) return null
  try {
    return fileURLToPath(url)
  } catch {
    return null
  }
}
