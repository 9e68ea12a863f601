import type { ProjectSnapshot } from '../../../shared/domain/project-snapshot'
import { call } from '../ipc/client'
import { flushEdits } from '../store/document-slice'
import { clearHistory } from '../store/history'
import { useStore } from '../store/store'

/** Loading a project starts a fresh undo history: undo never crosses from one project into another. */
export function showSnapshot(snapshot: ProjectSnapshot): void {
  useStore.getState().loadSnapshot(snapshot)
  clearHistory()
}

async function showIfOpened(pending: Promise<ProjectSnapshot | null>): Promise<boolean> {
  const snapshot = await pending
  if (snapshot) showSnapshot(snapshot)
  return snapshot !== null
}

export const createProject = (name: string) => showIfOpened(call('project:create', { name }))
export const openProjectAt = (path: string) => showIfOpened(call('project:open', { path }))
export const openSampleProject = () => showIfOpened(call('project:openSample', {}))

export async function chooseAndOpenProject(): Promise<boolean> {
  const chosen = await call('project:chooseToOpen', {})
  if (!chosen?.path) return false
  return openProjectAt(chosen.path)
}

export async function closeProject(): Promise<void> {
  await flushEdits()
  const closed = await call('project:close', {})
  if (closed) {
    useStore.getState().closeProjectLocal()
    clearHistory()
  }
}

export async function saveNow(): Promise<void> {
  await flushEdits()
  const saved = await call('project:saveNow', {})
  if (saved) useStore.getState().setSaveState({ state: 'saved', savedAt: saved.savedAt, error: null })
}

export async function loadSettings(): Promise<void> {
  const settings = await call('settings:get', {})
  if (settings) useStore.getState().setSettings(settings)
}

/**
 * A reload of the window keeps the main process's open project: show it instead of the welcome screen.
 * With none open, a brand-new user gets the sample project, so the first screen is a full storyboard.
 */
export async function restoreOpenProject(): Promise<void> {
  const snapshot = (await call('project:read', {})) ?? (await call('app:firstStart', {}))
  if (snapshot && useStore.getState().doc === null) showSnapshot(snapshot)
}
