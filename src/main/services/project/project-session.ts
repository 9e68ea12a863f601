import type { EditOp } from '../../../shared/domain/edits-schema'
import type { Asset, AssetProvenance, CropRect, Project, Take } from '../../../shared/domain/project'
import type { AppError } from '../../../shared/errors'
import type { AudioFile } from '../../../shared/domain/audio-schema'

/** The project fields the generation engine owns (never edited, never undone): its takes and its queue. */
export type EngineState = Pick<Project, 'takes' | 'queue'>

export type SaveState = { state: 'saved' | 'saving' | 'error'; savedAt: string | null; error: AppError | null }

/**
 * One open project folder (`Name.omniboard/`). The app, the CLI and the tests all work through this seam:
 * the editor applies edits (autosaved, debounced); the generation engine journals takes (saved durably
 * before it returns, so a crash never loses a paid task).
 */
export interface ProjectSession {
  readonly dir: string
  project(): Project
  revision(): number
  /** Applies edits in order with the shared pure `applyEdit`; schedules a debounced autosave. */
  applyEdits(ops: readonly EditOp[]): number
  /** Adds a take and resolves only once it is durably on disk. */
  addTake(take: Take): Promise<void>
  /** Replaces a take through `update` and resolves only once it is durably on disk. */
  updateTake(takeId: string, update: (take: Take) => Take): Promise<Take>
  /** Changes several takes and the queue at once (queueing 40 clips is one save); resolves once durably on disk. */
  updateEngineState(change: (state: EngineState) => EngineState): Promise<EngineState>
  /** Forgets a finished take and resolves once that is durably on disk; its files are the caller's to dispose of. */
  removeTake(takeId: string): Promise<void>
  /** Sets the project's spending cap (null = none) and resolves once it is durably on disk; not an undoable edit. */
  setBudgetCap(capUsd: number | null): Promise<void>
  /** Imports images into `assets/` (deduplicated by content hash) and makes thumbnails. */
  importFiles(paths: readonly string[]): Promise<{ assets: Asset[]; rejected: { name: string; error: AppError }[] }>
  /** `provenance` is kept on a new asset: a frame grabbed from a take remembers which take and when. */
  importBytes(name: string, bytes: Uint8Array, provenance?: AssetProvenance): Promise<{ assets: Asset[]; rejected: { name: string; error: AppError }[] }>
  /** Records imported sound files (those not known yet) and resolves once that is durably on disk. */
  recordAudioFiles(files: readonly AudioFile[]): Promise<void>
  /** Stores a crop of an asset as a new asset (the source stays as it was) and records it. */
  cropAsset(assetId: string, crop: CropRect): Promise<Asset>
  /** Absolute path of an asset's original bytes. */
  assetPath(assetId: string): string
  /** Absolute path of a small preview (made at import). */
  thumbnailPath(assetId: string): string
  /** Absolute path inside `takes/` for a downloaded video file name. */
  takeFilePath(fileName: string): string
  saveNow(): Promise<string>
  onSaveState(listener: (state: SaveState) => void): () => void
  /** Flushes pending saves and releases the lock. */
  close(): Promise<void>
}
