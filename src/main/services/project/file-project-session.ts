import { randomUUID } from 'node:crypto'
import { applyEdit } from '../../../shared/domain/edits'
import { pickDocument } from '../../../shared/domain/pick-document'
import type { EditOp } from '../../../shared/domain/edits-schema'
import type { AudioFile } from '../../../shared/audio/audio-schema'
import { mergeTakes } from '../../../shared/domain/merge-takes'
import { TakeSchema, type Asset, type AssetProvenance, type CropRect, type Project, type Take } from '../../../shared/domain/project'
import { AppErrorException, appError, fail, type AppError } from '../../../shared/errors'
import { cropImage } from '../images/crop-image'
import { importImages, type ImageSource, type ImportOutcome } from '../images/import-images'
import { nodeDurableFs, writeFileAtomicWithBackup, type DurableFs } from '../disk/atomic-write'
import { diskError } from '../disk/disk-errors'
import { changedOnDiskError, currentFileBytes, sameBytes } from './disk-conflict'
import { keepConflictCopy } from './conflict-copy'
import { loadProject, type LoadedProject } from './load-project'
import { createProjectEncoder, type ProjectEncoder } from './project-encoder'
import { backupFilePath, projectFilePath } from './project-files'
import { assetFilePath, takeVideoPath, thumbnailFilePath } from './project-paths'
import type { ProjectLock } from './project-lock'
import type { EngineState, ProjectSession, SaveState } from './project-session'
import { SaveStateListeners } from './save-state-listeners'
import PQueue from 'p-queue'

export type SessionDeps = { now(): Date; newId(): string; autosaveDelayMs?: number; disk?: DurableFs; lockStaleMs?: number }
export const defaultSessionDeps: SessionDeps = { now: () => new Date(), newId: () => randomUUID() }

/** The one writer of a project folder while it is open: it holds the lock and funnels every save through a queue. */
export class FileProjectSession implements ProjectSession {
  private state: Project
  private rev = 0
  private savedRev = 0
  private savedAt: string | null = null
  /** project.json as we last read or wrote it; anything else on disk was written by someone else. */
  private diskBytes: Uint8Array
  private conflict: AppError | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false
  private readonly queue = new PQueue({ concurrency: 1 })
  private readonly saveStates = new SaveStateListeners()
  private readonly disk: DurableFs
  private readonly encoder: ProjectEncoder

  constructor(
    readonly dir: string,
    loaded: LoadedProject,
    private readonly lock: ProjectLock,
    private readonly deps: SessionDeps,
  ) {
    this.state = loaded.project
    this.diskBytes = loaded.bytes
    this.disk = deps.disk ?? nodeDurableFs
    this.encoder = createProjectEncoder(dir)
  }

  project(): Project {
    return this.state
  }

  revision(): number {
    return this.rev
  }

  applyEdits(ops: readonly EditOp[]): number {
    this.assertOpen()
    const doc = ops.reduce(applyEdit, pickDocument(this.state))
    this.commit({ ...this.state, ...doc })
    this.scheduleAutosave()
    return this.rev
  }

  async addTake(take: Take): Promise<void> {
    this.assertOpen()
    const parsed = checkTake(take)
    if (this.state.takes.some((existing) => existing.id === take.id)) fail('invalid_request', `Take ${take.id} already exists.`, '')
    this.commit({ ...this.state, takes: [...this.state.takes, parsed] })
    await this.saveNow()
  }

  async updateTake(takeId: string, update: (take: Take) => Take): Promise<Take> {
    this.assertOpen()
    const current = this.state.takes.find((take) => take.id === takeId)
    if (current === undefined) fail('not_found', `Take ${takeId} is not in this project.`, '')
    const next = checkTake(update(current))
    this.commit({ ...this.state, takes: this.state.takes.map((take) => (take.id === takeId ? next : take)) })
    await this.saveNow()
    return next
  }

  async updateEngineState(change: (state: EngineState) => EngineState): Promise<EngineState> {
    this.assertOpen()
    const before = new Set(this.state.takes)
    const next = change({ takes: this.state.takes, queue: this.state.queue })
    // Only new or changed takes are checked: a project may hold thousands.
    const takes = next.takes.map((take) => (before.has(take) ? take : checkTake(take)))
    if (new Set(takes.map((take) => take.id)).size !== takes.length) fail('invalid_request', 'Two takes have the same id.', '')
    const queue = next.queue ?? this.state.queue
    this.commit({ ...this.state, takes, ...(queue ? { queue } : {}) })
    await this.saveNow()
    return { takes, queue }
  }

  async removeTake(takeId: string): Promise<void> {
    this.assertOpen()
    if (!this.state.takes.some((take) => take.id === takeId)) fail('not_found', `Take ${takeId} is not in this project.`, '')
    this.commit({ ...this.state, takes: this.state.takes.filter((take) => take.id !== takeId) })
    await this.saveNow()
  }

  async setBudgetCap(capUsd: number | null): Promise<void> {
    this.assertOpen()
    this.commit({ ...this.state, budget: { capUsd } })
    await this.saveNow()
  }

  importFiles(paths: readonly string[]): Promise<ImportOutcome> {
    return this.importSources(paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, path: p })))
  }

  importBytes(name: string, bytes: Uint8Array, provenance?: AssetProvenance): Promise<ImportOutcome> {
    return this.importSources([{ name, bytes, ...(provenance ? { provenance } : {}) }])
  }

  async recordAudioFiles(files: readonly AudioFile[]): Promise<void> {
    this.assertOpen()
    const known = new Set((this.state.audioFiles ?? []).map((file) => file.id))
    const added = files.filter((file) => !known.has(file.id))
    if (added.length === 0) return
    this.commit({ ...this.state, audioFiles: [...(this.state.audioFiles ?? []), ...added] })
    await this.saveNow()
  }

  async cropAsset(assetId: string, crop: CropRect): Promise<Asset> {
    this.assertOpen()
    const source = this.state.assets.find((asset) => asset.id === assetId) ?? fail('not_found', 'That image is not in this project.', 'Import it again.')
    const asset = await cropImage(this.dir, source, crop, this.state.assets, { now: this.deps.now, disk: this.disk })
    if (!this.state.assets.some((known) => known.id === asset.id)) {
      this.commit({ ...this.state, assets: [...this.state.assets, asset] })
      await this.saveNow()
    }
    return asset
  }

  assetPath(assetId: string): string {
    return assetFilePath(this.dir, this.state, assetId)
  }

  thumbnailPath(assetId: string): string {
    return thumbnailFilePath(this.dir, this.state, assetId)
  }

  takeFilePath(fileName: string): string {
    return takeVideoPath(this.dir, fileName)
  }

  saveNow(): Promise<string> {
    this.assertOpen()
    this.cancelAutosave()
    return this.queue.add(() => this.writeIfChanged())
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    return this.saveStates.add(listener)
  }

  /** Saves what is pending, then lets go of the lock. If the save fails the session stays open and the error is thrown. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.saveNow()
    await this.forceClose()
  }

  /** Closes without saving pending changes: for when the user chose to discard them. */
  async forceClose(): Promise<void> {
    this.cancelAutosave()
    this.closed = true
    await this.queue.onIdle()
    await this.lock.release()
  }

  /**
   * Resolves a changed-on-disk conflict by taking the file's version. What only this window knows about takes
   * (task ids, result URLs, downloaded files, later statuses) is merged in and written, so no paid result is lost.
   */
  reloadFromDisk(): Promise<Project> {
    this.assertOpen()
    this.cancelAutosave()
    return this.queue.add(async () => {
      const loaded = await loadProject(this.dir)
      const takes = mergeTakes(loaded.project.takes, this.state.takes)
      const onlyHere = JSON.stringify(takes) !== JSON.stringify(loaded.project.takes)
      this.diskBytes = loaded.bytes
      this.conflict = null
      this.state = { ...loaded.project, takes }
      this.rev++
      if (onlyHere) await this.writeIfChanged()
      else {
        this.savedRev = this.rev
        this.emit('saved', null)
      }
      return this.state
    })
  }

  /**
   * Resolves a changed-on-disk conflict by writing Omniboard's version; the other program's file is kept beside it
   * as a dated copy first. Resolves with that copy's name, or null when there was nothing foreign to keep.
   */
  keepMine(): Promise<{ savedAt: string; keptCopy: string | null }> {
    this.assertOpen()
    this.cancelAutosave()
    return this.queue.add(async () => {
      const file = projectFilePath(this.dir)
      const theirs = await this.disk.readFile(file).catch(() => null)
      let keptCopy: string | null = null
      if (theirs !== null && !sameBytes(theirs, this.diskBytes)) {
        keptCopy = await keepConflictCopy(this.dir, theirs, this.deps.now(), this.disk).catch((cause: unknown) => {
          throw this.failSave(diskError(cause, 'a copy of the changed project.json'))
        })
        this.diskBytes = theirs
      }
      this.conflict = null
      this.savedRev = -1
      return { savedAt: await this.writeIfChanged(), keptCopy }
    })
  }

  /** Closes, dropping edits that could not be saved, after writing what it can of the takes (they may be paid). */
  async discardAndClose(): Promise<void> {
    if (this.closed) return
    await this.reloadFromDisk().catch(() => undefined)
    await this.forceClose()
  }

  private async importSources(sources: ImageSource[]): Promise<ImportOutcome> {
    this.assertOpen()
    const outcome = await importImages(this.dir, sources, this.state.assets, { now: this.deps.now, disk: this.disk })
    const known = new Set(this.state.assets.map((asset) => asset.id))
    const stored = [...outcome.assets, ...outcome.rejected.flatMap((rejected) => (rejected.asset ? [rejected.asset] : []))]
    const added: Asset[] = stored.filter((asset) => !known.has(asset.id))
    if (added.length > 0) {
      this.commit({ ...this.state, assets: [...this.state.assets, ...added] })
      await this.saveNow()
    }
    return outcome
  }

  private async writeIfChanged(): Promise<string> {
    // Nothing changed: opening and closing a project must not rewrite it (nor convert an old one).
    if (this.rev === this.savedRev) return this.savedAt ?? this.state.updatedAt
    if (this.conflict !== null) throw this.failSave(this.conflict)
    const rev = this.rev
    const bytes = this.encodeReadable()
    this.emit('saving', null)
    // Read once: checked for a foreign change, then kept as the backup. Unreadable: the write reads it itself.
    const onDisk = await currentFileBytes(projectFilePath(this.dir)).catch(() => undefined)
    if (onDisk != null && !sameBytes(onDisk, this.diskBytes)) {
      this.conflict = changedOnDiskError()
      throw this.failSave(this.conflict)
    }
    try {
      await writeFileAtomicWithBackup(projectFilePath(this.dir), backupFilePath(this.dir), bytes, this.disk, onDisk)
    } catch (cause) {
      // A failure after the rename (fsync of the folder) leaves our bytes in place; they must not later look foreign.
      if (sameBytes(await currentFileBytes(projectFilePath(this.dir)).catch(() => null), bytes)) this.diskBytes = bytes
      throw this.failSave(diskError(cause, 'the project'))
    }
    this.diskBytes = bytes
    this.savedRev = rev
    this.savedAt = this.deps.now().toISOString()
    if (this.rev === rev) this.emit('saved', null)
    return this.savedAt
  }

  /** Checked as open would check it (`ProjectEncoder`): a file this session writes must be one it can read back. */
  private encodeReadable(): Buffer {
    try {
      return this.encoder.encode(this.state)
    } catch (cause) {
      const reason = cause instanceof AppErrorException ? cause.error.message : String(cause)
      const hint = 'Undo the last change and try again. The file on disk has not been changed.'
      throw this.failSave(appError('internal', `Omniboard refused to save a project it could not open again: ${reason}`, hint))
    }
  }

  private failSave(error: AppError): AppErrorException {
    this.emit('error', error)
    return new AppErrorException(error)
  }

  private commit(next: Project): void {
    this.state = { ...next, updatedAt: this.deps.now().toISOString() }
    this.rev++
    if (this.saveStates.lastState !== 'saving' && this.conflict === null) this.emit('saving', null)
  }

  private scheduleAutosave(): void {
    this.cancelAutosave()
    this.timer = setTimeout(() => {
      this.timer = null
      // Failures are reported to save-state listeners; the edit stays in memory for the next attempt.
      this.queue.add(() => this.writeIfChanged()).catch(() => undefined)
    }, this.deps.autosaveDelayMs ?? 400)
  }

  private cancelAutosave(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private emit(state: SaveState['state'], error: AppError | null): void {
    this.saveStates.emit(state, this.savedAt, error)
  }

  private assertOpen(): void {
    if (this.closed) fail('project_not_open', 'This project has been closed.', 'Open it again to keep working.')
  }
}

function checkTake(take: Take): Take {
  const parsed = TakeSchema.safeParse(take)
  if (!parsed.success) fail('invalid_request', `The take is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, '')
  return parsed.data
}
