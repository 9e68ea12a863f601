import { call } from '../../ipc/client'
import { showSnapshot } from '../../app/project-actions'
import { flushEdits } from '../../store/document-slice'
import { useStore } from '../../store/store'

/** Takes the other program's project.json; the main process keeps what only it knew about takes. */
export async function reloadFromDisk(): Promise<void> {
  await flushEdits()
  const snapshot = await call('project:reloadFromDisk', {})
  if (!snapshot) return
  showSnapshot(snapshot)
  useStore.getState().setSaveState({ state: 'saved', savedAt: new Date().toISOString(), error: null })
  useStore.getState().pushToast({ tone: 'info', message: 'Reloaded the project from disk.', hint: 'Takes generated in this window were kept.', tie: 'project' })
}

/** Writes this window's version; the other program's is kept beside it as a dated copy. */
export async function keepMine(): Promise<void> {
  await flushEdits()
  const saved = await call('project:keepMine', {})
  if (!saved) return
  useStore.getState().setSaveState({ state: 'saved', savedAt: saved.savedAt, error: null })
  useStore.getState().pushToast({
    tone: 'success',
    message: 'Saved your version of the project.',
    ...(saved.keptCopy ? { hint: `The other version is kept beside it as ${saved.keptCopy}.` } : {}),
  })
}
