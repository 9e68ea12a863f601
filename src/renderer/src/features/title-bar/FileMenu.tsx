import { ChevronDown } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { RecentProject } from '../../../../shared/ipc/contract'
import { chooseAndOpenProject, closeProject, openProjectAt } from '../../app/project-actions'
import { call } from '../../ipc/client'
import { selectProjectPath } from '../../store/selectors'
import { useStore } from '../../store/store'
import { shortenPath } from '../../ui/format'
import { useMenu } from '../../ui/use-menu'
import { NewProjectDialog } from './NewProjectDialog'
import { useAppCommand } from '../commands/menu/local-commands'

const RECENT_SHOWN = 6

/** The project commands a desktop app keeps under File, reachable from the editor without closing it first. */
export function FileMenu() {
  const { open, setOpen, root, button, onKeyDown } = useMenu()
  const [naming, setNaming] = useState(false)
  const [recent, setRecent] = useState<RecentProject[]>([])
  const path = useStore(selectProjectPath)
  useAppCommand('project:new', () => setNaming(true))

  useEffect(() => {
    if (!open) return
    let live = true
    void call('project:recent', {}).then((list) => live && list && setRecent(list))
    return () => {
      live = false
    }
  }, [open])

  function run(action: () => unknown) {
    setOpen(false)
    void action()
  }

  const others = recent.filter((project) => project.path !== path).slice(0, RECENT_SHOWN)
  return (
    <div ref={root} className="file-menu" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="btn btn--ghost btn--small file-menu__button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        File <ChevronDown size={12} strokeWidth={2} aria-hidden />
      </button>
      {open && (
        <div className="file-menu__list" role="menu" aria-label="File">
          <button type="button" role="menuitem" onClick={() => run(() => setNaming(true))}>New project…</button>
          <button type="button" role="menuitem" onClick={() => run(chooseAndOpenProject)}>Open…</button>
          <div role="group" aria-label="Open recent" className="file-menu__group">
            <span className="file-menu__heading caps-label" aria-hidden="true">Open recent</span>
            {others.length === 0 && <span className="file-menu__empty">No other recent projects</span>}
            {others.map((project) => (
              <button key={project.path} type="button" role="menuitem" title={project.path} onClick={() => run(() => openProjectAt(project.path))}>
                <span className="file-menu__name">{project.name}</span>
                <span className="file-menu__path">{shortenPath(project.path)}</span>
              </button>
            ))}
          </div>
          <span className="file-menu__separator" role="separator" />
          <button type="button" role="menuitem" onClick={() => run(() => call('project:reveal', {}))}>Show in file manager</button>
          <button type="button" role="menuitem" onClick={() => run(closeProject)}>Close project</button>
        </div>
      )}
      {naming && <NewProjectDialog onClose={() => setNaming(false)} />}
    </div>
  )
}
