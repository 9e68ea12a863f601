import { mergeTakes } from '../../../shared/domain/merge-takes'
import type { Project } from '../../../shared/domain/project'
import { AppErrorException, appError, type AppError } from '../../../shared/errors'
import { writeFileAtomicWithBackup, type DurableFs } from '../disk/atomic-write'
import { diskError } from '../disk/disk-errors'
import { changedOnDiskError, currentFileBytes, sameBytes } from './disk-conflict'
import { keepConflictCopy } from './conflict-copy'
import { loadProject, type LoadedProject } from './load-project'
import { createProjectEncoder, type ProjectEncoder } from './project-encoder'
import { backupFilePath, projectFilePath } from './project-files'
import type { SaveState } from './project-session'
import { SaveStateListeners } from './save-state-listeners'
import PQueue from 'p-queue'

export type SavesDeps = { now(): Date; autosaveDelayMs?: number | undefined; disk: DurableFs }

/**
 * An open project in memory and every write of it to project.json: one queue of saves, the debounced autosave, the
 * backup beside the file, the changed-on-disk check and its two ways out, and the save state the window shows.
 */
export class ProjectSaves {
  private state: Project
  private rev = 0
  private savedRev = 0
  private savedAt: string | null = null
  /** project.json as we last read or wrote it; anything else on disk was written by someone else. */
  private diskBytes: Uint8Array
  private conflict: AppError | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly queue = new PQueue({ concurrency: 1 })
  private readonly saveStates = new SaveStateListeners()
  private readonly encoder: ProjectEncoder

  constructor(
    private readonly dir: string,
    loaded: LoadedProject,
    private readonly deps: SavesDeps,
  ) {
    this.state = loaded.project
    this.diskBytes = loaded.bytes
    this.encoder = createProjectEncoder(dir)
  }

  get project(): Project {
    return this.state
  }

  get revision(): number {
    return this.rev
  }

  /** The project changed in memory; it is written by the next save. */
  commit(next: Project): void {
    this.state = { ...next, updatedAt: this.deps.now().toISOString() }
    this.rev++
    if (this.saveStates.lastState !== 'saving' && this.conflict === null) this.emit('saving', null)
  }

  saveNow(): Promise<string> {
    this.cancelAutosave()
    return this.queue.add(() => this.writeIfChanged())
  }

  autosaveSoon(): void {
    this.cancelAutosave()
    this.timer = setTimeout(() => {
      this.timer = null
      // Failures are reported to save-state listeners; the edit stays in memory for the next attempt.
      this.queue.add(() => this.writeIfChanged()).catch(() => undefined)
    }, this.deps.autosaveDelayMs ?? 400)
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    return this.saveStates.add(listener)
  }

  /** No more autosaves; resolves once the save under way (if any) is done. */
  async stop(): Promise<void> {
    this.cancelAutosave()
    await this.queue.onIdle()
  }

  /**
   * Resolves a changed-on-disk conflict by taking the file's version. What only this window knows about takes
   * (task ids, result URLs, downloaded files, later statuses) is merged in and written, so no paid result is lost.
   */
  reloadFromDisk(): Promise<Project> {
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
    this.cancelAutosave()
    return this.queue.add(async () => {
      const file = projectFilePath(this.dir)
      const theirs = await this.deps.disk.readFile(file).catch(() => null)
      let keptCopy: string | null = null
      if (theirs !== null && !sameBytes(theirs, this.diskBytes)) {
        keptCopy = await keepConflictCopy(this.dir, theirs, this.deps.now(), this.deps.disk).catch((cause: unknown) => {
          throw this.failSave(diskError(cause, 'a copy of the changed project.json'))
        })
        this.diskBytes = theirs
      }
      this.conflict = null
      this.savedRev = -1
      return { savedAt: await this.writeIfChanged(), keptCopy }
    })
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
      await writeFileAtomicWithBackup(projectFilePath(this.dir), backupFilePath(this.dir), bytes, this.deps.disk, onDisk)
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

  private cancelAutosave(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private emit(state: SaveState['state'], error: AppError | null): void {
    this.saveStates.emit(state, this.savedAt, error)
  }
}
