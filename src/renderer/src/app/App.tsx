import { useEffect } from 'react'
import { EditorScreen } from '../features/editor-screen/EditorScreen'
import { SettingsDialog } from '../features/settings/SettingsDialog'
import { HelpOverlay } from '../features/commands/keyboard/HelpOverlay'
import { LedgerDialog } from '../features/spend/LedgerDialog'
import { QueueConfirmDialog } from '../features/queue/confirm/QueueConfirmDialog'
import { ScriptImportHost } from '../features/script/import/ScriptImportHost'
import { Toaster } from '../features/toasts/Toaster'
import { WelcomeScreen } from '../features/welcome/WelcomeScreen'
import { selectDialog, selectHasProject } from '../store/selectors'
import { useStore } from '../store/store'
import { loadSettings, restoreOpenProject } from './project-actions'
import { useBridgeEvents } from './use-bridge-events'
import { useFileDropGuard } from './use-file-drop-guard'
import { useShortcuts } from '../features/commands/keyboard/use-shortcuts'
import { useAppCommands, useWindowStateReport } from '../features/commands/menu/use-app-commands'

export function App() {
  useBridgeEvents()
  useShortcuts()
  useFileDropGuard()
  useAppCommands()
  useWindowStateReport()
  useEffect(() => {
    void loadSettings()
    void restoreOpenProject()
  }, [])
  const hasProject = useStore(selectHasProject)
  const dialog = useStore(selectDialog)
  return (
    <>
      {hasProject ? <EditorScreen /> : <WelcomeScreen />}
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'help' && <HelpOverlay />}
      {dialog === 'ledger' && <LedgerDialog />}
      {dialog === 'queue-confirm' && <QueueConfirmDialog />}
      {hasProject && <ScriptImportHost />}
      <Toaster />
    </>
  )
}
