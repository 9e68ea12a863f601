import { app } from 'electron'
import { recentProjectsJumpList } from './desktop/jump-list'

export type JumpListGlueDeps = {
  recent(): readonly { name: string; path: string }[]
  log(message: string): void
}

/** Windows: the taskbar's jump list lists the recent projects, set again only when the list it shows would change. */
export function createElectronJumpList(deps: JumpListGlueDeps) {
  let shown: string | undefined
  return {
    refresh(): void {
      if (process.platform !== 'win32') return
      const categories = recentProjectsJumpList({
        recent: deps.recent(),
        program: process.execPath,
        // Under `electron <app>` the executable is Electron itself: the app's folder comes first.
        leadingArgs: process.defaultApp ? [app.getAppPath()] : [],
        removed: app.getJumpListSettings().removedItems,
      })
      const next = JSON.stringify(categories)
      if (next === shown) return
      const result = app.setJumpList(categories)
      if (result === 'ok') shown = next
      else deps.log(`Jump list not set: ${result}`)
    },
  }
}
