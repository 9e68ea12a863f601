import type { AppError } from '../../../shared/errors'
import type { JobProgress } from '../../../shared/ipc/contract'
import type { ProjectSnapshot } from '../../../shared/domain/project-snapshot'
import type { EditOp } from '../../../shared/domain/edits-schema'
import type { Asset, ProjectDocument, Take } from '../../../shared/domain/project'
import type { SettingsView } from '../../../shared/settings'
import type { AudioFile } from '../../../shared/domain/audio-schema'
import type { ClipSelection } from './clip-selection'

export type DocumentSlice = {
  /** The part of the project the user edits; undo tracks this and nothing else. */
  doc: ProjectDocument | null
  /** Applies edits locally at once and sends the same ops to the main process. */
  edit: (ops: EditOp | EditOp[]) => void
  /** Replaces the document without sending anything (loading, undo, gesture previews). */
  setDocLocal: (doc: ProjectDocument | null) => void
}

export type MetaSlice = {
  path: string | null
  assets: Asset[]
  /** Sound files of the lanes; main appends them at import, like assets. */
  audioFiles: AudioFile[]
  takes: Take[]
  revision: number
  loadSnapshot: (snapshot: ProjectSnapshot) => void
  closeProjectLocal: () => void
  addAssets: (assets: Asset[]) => void
  addAudioFiles: (files: AudioFile[]) => void
  upsertTake: (take: Take) => void
  setRevision: (revision: number) => void
  /** The open project's spending cap (an estimate); main owns it, this is its last known value. */
  projectCapUsd: number | null
  setProjectCapLocal: (capUsd: number | null) => void
}

export type SelectionSlice = ClipSelection & {
  selectedShotId: string | null
  /** Selects this clip alone. */
  selectClip: (clipId: string | null) => void
  selectShot: (clipId: string, shotId: string | null) => void
  /** A click with Shift (`range`), Ctrl/Cmd (`toggle`) or both (`range-add`). */
  extendSelection: (clipId: string, how: 'range' | 'toggle' | 'range-add') => void
  selectAllClips: () => void
  /** Back to the primary clip alone. */
  collapseSelection: () => void
}

export type ToastAction = { label: string; run: () => void }
/**
 * `tie`: what the toast speaks of, so it goes when that does. `project`: cleared when the project closes or
 * another opens; `undo`: also cleared when the edit made just before it is undone ("Added 3 clips … Ctrl/Cmd+Z
 * takes them back"). A toast with an action is tied to its project too.
 */
export type ToastTie = 'project' | 'undo'
export type Toast = { id: number; tone: 'info' | 'success' | 'warning' | 'danger'; message: string; hint?: string; action?: ToastAction; tie?: ToastTie; undoOf?: ProjectDocument }
export type Dialog = 'settings' | 'help' | 'ledger' | 'queue-confirm' | null
export type SaveState = { state: 'saved' | 'saving' | 'error'; savedAt: string | null; error: AppError | null }

export type UiSlice = {
  dialog: Dialog
  /** Why the settings dialog was opened, e.g. Generate without a key. */
  dialogReason: string | null
  toasts: Toast[]
  saveState: SaveState
  online: boolean
  settings: SettingsView | null
  openDialog: (dialog: Exclude<Dialog, null>, reason?: string) => void
  closeDialog: () => void
  pushToast: (toast: Omit<Toast, 'id' | 'undoOf'>) => number
  dismissToast: (id: number) => void
  /** Drops the toasts tied to an edit that `undone` says is no longer in effect. */
  dropUndoneToasts: (undone: (doc: ProjectDocument) => boolean) => void
  showError: (error: AppError, action?: ToastAction) => void
  setSaveState: (state: SaveState) => void
  setOnline: (online: boolean) => void
  setSettings: (settings: SettingsView) => void
}

export type GenerationSlice = {
  progress: Record<string, JobProgress>
  setProgress: (progress: JobProgress) => void
}

export type Store = DocumentSlice & MetaSlice & SelectionSlice & UiSlice & GenerationSlice
