import type { AppCommand, MenuCommand } from '../../../../../shared/app-commands'
import { chooseAndOpenProject, closeProject, openProjectAt } from '../../../app/project-actions'
import { call } from '../../../ipc/client'
import { redo, undo } from '../../../store/history'
import { useStore } from '../../../store/store'
import { openExportDialog } from '../../film/film-store'
import { allClipIds, changedClipIds, generateMany, generateSelection } from '../../queue/generate-many'
import { setQueuePaused } from '../../queue/queue-actions'
import { useQueueUi } from '../../queue/queue-store'
import { runLocalCommand } from './local-commands'

/** Inside a dialog the menu's Undo is the text field's, as Ctrl/Cmd+Z is there (the window leaves it to the field). */
function historyStep(step: 'undo' | 'redo'): void {
  if (useStore.getState().dialog !== null) document.execCommand(step)
  else if (step === 'undo') undo()
  else redo()
}

const menuActions: Partial<Record<MenuCommand, () => unknown>> = {
  'project:open': chooseAndOpenProject,
  'project:reveal': () => call('project:reveal', {}),
  'project:close': closeProject,
  'film:export': openExportDialog,
  'history:undo': () => historyStep('undo'),
  'history:redo': () => historyStep('redo'),
  'generate:selection': generateSelection,
  'generate:all': () => generateMany(allClipIds()),
  'generate:changed': () => generateMany(changedClipIds()),
  'queue:togglePaused': () => setQueuePaused(!(useQueueUi.getState().state?.paused ?? false)),
  'queue:togglePanel': () => useQueueUi.getState().toggle(),
  'settings:open': () => useStore.getState().openDialog('settings'),
  'help:shortcuts': () => useStore.getState().openDialog('help'),
}

/** Runs what main asked for with the same action the window's own button or key runs. */
export function runAppCommand(command: AppCommand): void {
  if (runLocalCommand(command)) return
  switch (command.command) {
    case 'project:openPath':
      return void openProjectAt(command.path)
    case 'clip:select':
      if (useStore.getState().doc?.clips.some((clip) => clip.id === command.clipId)) useStore.getState().selectClip(command.clipId)
      return
    case 'shotList:import':
      // Answered by the title bar's shot-list import, mounted whenever a project is open.
      return
    default:
      void menuActions[command.command]?.()
  }
}
