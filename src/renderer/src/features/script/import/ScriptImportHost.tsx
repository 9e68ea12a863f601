import { ReimportDialog } from './ReimportDialog'
import { ScriptImportDialog } from './ScriptImportDialog'
import { useScriptImport } from './script-import-store'
import './script-import.css'

/** Shows the dialog for a script that has been read: the breakdown of a first import, or the new draft's changes. */
export function ScriptImportHost() {
  const session = useScriptImport((s) => s.session)
  if (!session) return null
  return session.mode === 'import' ? <ScriptImportDialog session={session} /> : <ReimportDialog session={session} />
}
