import { randomUUID } from 'node:crypto'
import { applyEdit } from '../../../shared/domain/edits'
import { pickDocument } from '../../../shared/domain/pick-document'
import type { EditOp } from '../../../shared/domain/edits-schema'
import type { AudioFile } from '../../../shared/domain/audio-schema'
import type { Asset, AssetProvenance, CropRect, Project, Take } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { cropImage } from '../images/crop-image'
import { importImages, type ImageSource, type ImportOutcome } from '../images/import-images'
import { nodeDurableFs, type DurableFs } from '../disk/atomic-write'
import type { LoadedProject } from './load-project'
import { assetFilePath, takeVideoPath, thumbnailFilePath } from './project-paths'
import type { ProjectLock } from './project-lock'
import { ProjectSaves } from './project-saves'
import type { EngineState, ProjectSession, SaveState } from './project-session'
import { withEngineState, withoutTake, withTakeAdded, withTakeUpdated } from './take-changes'

export type SessionDeps = { now(): Date; newId(): string; autosaveDelayMs?: number; disk?: DurableFs; lockStaleMs?: number }
export const defaultSessionDeps: SessionDeps = { now: () => new Date(), newId: () => randomUUID() }

/**
 * The one writer of a project folder while it is open: it holds the lock, changes the project (edits, takes,
 * assets) and hands every change to its saves, which funnel them through one queue onto disk.
 */
export class FileProjectSession implements ProjectSession {
  private closed = false
  private readonly disk: DurableFs
  private readonly saves: ProjectSaves

  constructor(
    readonly dir: string,
    loaded: LoadedProject,
    private readonly lock: ProjectLock,
    private readonly deps: SessionDeps,
  ) {
    this.disk = deps.disk ?? nodeDurableFs
    this.saves = new ProjectSaves(dir, loaded, { now: deps.now, autosaveDelayMs: deps.autosaveDelayMs, disk: this.disk })
  }

  project(): Project {
    return this.saves.project
  }

  revision(): number {
    return this.saves.revision
  }

  applyEdits(ops: readonly EditOp[]): number {
    this.assertOpen()
    const doc = ops.reduce(applyEdit, pickDocument(this.project()))
    this.saves.commit({ ...this.project(), ...doc })
    this.saves.autosaveSoon()
    return this.revision()
  }

  async addTake(take: Take): Promise<void> {
    this.assertOpen()
    await this.commitAndSave(withTakeAdded(this.project(), take))
  }

  async updateTake(takeId: string, update: (take: Take) => Take): Promise<Take> {
    this.assertOpen()
    const { project, take } = withTakeUpdated(this.project(), takeId, update)
    await this.commitAndSave(project)
    return take
  }

  async updateEngineState(change: (state: EngineState) => EngineState): Promise<EngineState> {
    this.assertOpen()
    const { project, state } = withEngineState(this.project(), change)
    await this.commitAndSave(project)
    return state
  }

  async removeTake(takeId: string): Promise<void> {
    this.assertOpen()
    await this.commitAndSave(withoutTake(this.project(), takeId))
  }

  async setBudgetCap(capUsd: number | null): Promise<void> {
    this.assertOpen()
    await this.commitAndSave({ ...this.project(), budget: { capUsd } })
  }

  importFiles(paths: readonly string[]): Promise<ImportOutcome> {
    return this.importSources(paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, path: p })))
  }

  importBytes(name: string, bytes: Uint8Array, provenance?: AssetProvenance): Promise<ImportOutcome> {
    return this.importSources([{ name, bytes, ...(provenance ? { provenance } : {}) }])
  }

  async recordAudioFiles(files: readonly AudioFile[]): Promise<void> {
    this.assertOpen()
    const project = this.project()
    const known = new Set((project.audioFiles ?? []).map((file) => file.id))
    const added = files.filter((file) => !known.has(file.id))
    if (added.length === 0) return
    await this.commitAndSave({ ...project, audioFiles: [...(project.audioFiles ?? []), ...added] })
  }

  async cropAsset(assetId: string, crop: CropRect): Promise<Asset> {
    this.assertOpen()
    const { assets } = this.project()
    const source = assets.find((asset) => asset.id === assetId) ?? fail('not_found', 'That image is not in this project.', 'Import it again.')
    const asset = await cropImage(this.dir, source, crop, assets, { now: this.deps.now, disk: this.disk })
    if (!this.project().assets.some((known) => known.id === asset.id)) await this.commitAndSave({ ...this.project(), assets: [...this.project().assets, asset] })
    return asset
  }

  assetPath(assetId: string): string {
    return assetFilePath(this.dir, this.project(), assetId)
  }

  thumbnailPath(assetId: string): string {
    return thumbnailFilePath(this.dir, this.project(), assetId)
  }

  takeFilePath(fileName: string): string {
    return takeVideoPath(this.dir, fileName)
  }

  saveNow(): Promise<string> {
    this.assertOpen()
    return this.saves.saveNow()
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    return this.saves.onSaveState(listener)
  }

  /** Saves what is pending, then lets go of the lock. If the save fails the session stays open and the error is thrown. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.saveNow()
    await this.forceClose()
  }

  /** Closes without saving pending changes: for when the user chose to discard them. */
  async forceClose(): Promise<void> {
    this.closed = true
    await this.saves.stop()
    await this.lock.release()
  }

  /** "Changed on disk": take the file's version, keeping what only this window knows about takes. */
  reloadFromDisk(): Promise<Project> {
    this.assertOpen()
    return this.saves.reloadFromDisk()
  }

  /** "Changed on disk": write this window's version, keeping the other program's as a dated copy. */
  keepMine(): Promise<{ savedAt: string; keptCopy: string | null }> {
    this.assertOpen()
    return this.saves.keepMine()
  }

  /** Closes, dropping edits that could not be saved, after writing what it can of the takes (they may be paid). */
  async discardAndClose(): Promise<void> {
    if (this.closed) return
    await this.reloadFromDisk().catch(() => undefined)
    await this.forceClose()
  }

  private async importSources(sources: ImageSource[]): Promise<ImportOutcome> {
    this.assertOpen()
    const outcome = await importImages(this.dir, sources, this.project().assets, { now: this.deps.now, disk: this.disk })
    const known = new Set(this.project().assets.map((asset) => asset.id))
    const stored = [...outcome.assets, ...outcome.rejected.flatMap((rejected) => (rejected.asset ? [rejected.asset] : []))]
    const added: Asset[] = stored.filter((asset) => !known.has(asset.id))
    if (added.length > 0) await this.commitAndSave({ ...this.project(), assets: [...this.project().assets, ...added] })
    return outcome
  }

  /** Takes, assets and the budget are saved before the change resolves: a take may be paid for. */
  private async commitAndSave(next: Project): Promise<void> {
    this.saves.commit(next)
    await this.saveNow()
  }

  private assertOpen(): void {
    if (this.closed) fail('project_not_open', 'This project has been closed.', 'Open it again to keep working.')
  }
}
