import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Asset, AssetProvenance } from '../../../shared/domain/project'
import { fail, isAppErrorException, type AppError } from '../../../shared/errors'
import { nodeDurableFs, type DurableFs } from '../project/atomic-write'
import { diskError } from '../project/disk-errors'
import { contentHash, storeAssetFiles } from './asset-files'
import { checkByteSize, checkImage } from './image-checks'

export type ImageSource = ({ name: string; path: string } | { name: string; bytes: Uint8Array }) & { provenance?: AssetProvenance }
export type ImportOutcome = { assets: Asset[]; rejected: { name: string; error: AppError }[] }
export type ImportDeps = { now(): Date; disk?: DurableFs }

/**
 * Checks and stores images in a project folder. Each source is accepted or rejected on its own; a rejected
 * one writes nothing. Returns one asset per accepted source (the existing one when the same image is
 * already in the project) — the caller records new assets in project.json.
 */
export async function importImages(
  dir: string,
  sources: readonly ImageSource[],
  existing: readonly Asset[],
  deps: ImportDeps,
): Promise<ImportOutcome> {
  const known = new Map(existing.map((asset) => [asset.id, asset]))
  const outcome: ImportOutcome = { assets: [], rejected: [] }
  for (const source of sources) {
    try {
      const bytes = 'bytes' in source ? source.bytes : await readChosenFile(source.path)
      const checked = await checkImage(bytes)
      const id = contentHash(bytes)
      const asset: Asset = known.get(id) ?? {
        id,
        mime: checked.mime,
        width: checked.width,
        height: checked.height,
        bytes: bytes.byteLength,
        originalName: source.name.slice(0, 1024),
        importedAt: deps.now().toISOString(),
        ...(source.provenance ? { provenance: source.provenance } : {}),
      }
      await storeAssetFiles(dir, asset, bytes, checked.thumbnail, deps.disk ?? nodeDurableFs)
      known.set(id, asset)
      if (!outcome.assets.some((accepted) => accepted.id === id)) outcome.assets.push(asset)
    } catch (cause) {
      outcome.rejected.push({ name: source.name, error: importError(cause) })
    }
  }
  return outcome
}

/** The file the user chose is read as it is, symlink or not; its size is checked before it is read whole. */
async function readChosenFile(filePath: string): Promise<Uint8Array> {
  const stat = await fs.stat(filePath).catch(() => null)
  if (stat === null || !stat.isFile()) unreadableFile(filePath)
  if (stat.size > 0) checkByteSize(stat.size)
  return fs.readFile(filePath).catch(() => unreadableFile(filePath))
}

function unreadableFile(filePath: string): never {
  return fail('image_unreadable', `Could not read ${path.basename(filePath)}.`, 'Check that the file still exists and that Omniboard may read it.')
}

const importError = (cause: unknown): AppError => (isAppErrorException(cause) ? cause.error : diskError(cause, 'the image'))
