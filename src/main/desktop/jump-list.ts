import type { JumpListCategory, JumpListItem } from 'electron'

/** Windows shows about ten items per category; the rest stay in File → Open recent. */
export const JUMP_LIST_SIZE = 8

/** Electron drops an item whose description is longer than this (the description is the folder's path). */
const MAX_DESCRIPTION = 260

/** Replies after which the recent-projects list may have changed: the menu and the jump list are built again. */
export const changesRecentProjects: ReadonlySet<string> = new Set(['project:open', 'project:create', 'project:openSample', 'app:firstStart', 'project:close', 'project:forgetRecent'])

export type JumpListInput = {
  recent: readonly { name: string; path: string }[]
  /** The executable a click starts: `process.execPath`. */
  program: string
  /** Arguments before the project's: the app's path under `electron <app>`, none in a packaged build. */
  leadingArgs: readonly string[]
  /** `app.getJumpListSettings().removedItems`: Windows omits a whole category that adds one of them back. */
  removed: readonly JumpListItem[]
}

/**
 * A path that survives as one quoted Windows argument (CommandLineToArgvW): no quote, no control character, no
 * trailing backslash (it would escape the closing quote), and no `%` that a shell link could read as a variable.
 */
export function isSafeJumpListPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return path !== '' && !/["%\u0000-\u001f\u007f]/.test(path) && !path.endsWith('\\') && path.length <= MAX_DESCRIPTION
}

const quoted = (arg: string) => `"${arg}"`

/**
 * The "Recent projects" category of the taskbar's jump list: one task per recent project that starts Omniboard
 * on its folder (a second instance hands it to the running one). Null when there is nothing to list, which gives
 * Windows its own list back.
 */
export function recentProjectsJumpList(input: JumpListInput): JumpListCategory[] | null {
  const removedArgs = new Set(input.removed.map((item) => item.args))
  const items: JumpListItem[] = input.recent
    .filter((project) => isSafeJumpListPath(project.path))
    .map((project) => ({
      type: 'task' as const,
      program: input.program,
      args: [...input.leadingArgs, project.path].map(quoted).join(' '),
      title: project.name,
      description: project.path,
    }))
    .filter((item) => !removedArgs.has(item.args))
    .slice(0, JUMP_LIST_SIZE)
  return items.length > 0 ? [{ type: 'custom', name: 'Recent projects', items }] : null
}
