import { CircleHelp, Redo2, Settings, Undo2, X } from 'lucide-react'
import { closeProject } from '../../app/project-actions'
import { FilmActions } from '../film/FilmActions'
import { QueueButton } from '../queue/QueueButton'
import { redo, undo } from '../../store/history'
import { useStore } from '../../store/store'
import { LogoMark } from '../../ui/LogoMark'
import { DemoBanner } from './DemoBanner'
import { FileMenu } from './FileMenu'
import { NetworkBadge } from './NetworkBadge'
import { ProjectNameField } from './ProjectNameField'
import { SaveStateBadge } from './SaveStateBadge'
import { SpendEstimate } from './SpendEstimate'
import { useHistoryAvailability } from './use-history-availability'
import './title-bar.css'
import { HandoffButtons } from '../handoff/HandoffButtons'
import { ImportScriptButton } from '../script/import/ImportScriptButton'

export function TitleBar() {
  const openDialog = useStore((s) => s.openDialog)
  const { canUndo, canRedo } = useHistoryAvailability()
  return (
    <header className="title-bar">
      <div className="title-bar__left">
        <LogoMark size={22} />
        <FileMenu />
        <ProjectNameField />
        <SaveStateBadge />
        <NetworkBadge />
      </div>
      <DemoBanner />
      <div className="title-bar__right">
        <FilmActions />
        <QueueButton />
        <SpendEstimate />
        <span className="title-bar__divider" aria-hidden="true" />
        <ImportScriptButton />
        <HandoffButtons />
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Undo" title={canUndo ? 'Undo (Ctrl/Cmd+Z)' : 'Nothing to undo'} aria-disabled={!canUndo} onClick={undo}>
          <Undo2 size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Redo" title={canRedo ? 'Redo (Shift+Ctrl/Cmd+Z)' : 'Nothing to redo'} aria-disabled={!canRedo} onClick={redo}>
          <Redo2 size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => openDialog('help')}>
          <CircleHelp size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Settings" title="Settings" onClick={() => openDialog('settings')}>
          <Settings size={16} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close project" title="Close project" onClick={() => void closeProject()}>
          <X size={16} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
    </header>
  )
}
