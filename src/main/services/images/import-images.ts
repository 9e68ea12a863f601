import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Asset, AssetProvenance } from '../../../shared/domain/project'
import { fail, isAppErrorException, type AppError } from '../../../shared/errors'
import { nodeDurableFs, type DurableFs } from '../disk/atomic-write'
import { diskError } from '../disk/disk-errors'
import { contentHashInSlices, storeAssetFiles } from './asset-files'
import { aspectRefusal, checkSourceSize } from './image-checks'
import type { ImageKind } from './image-format'
import { prepareImage } from './prepare-image'

export type ImageSource = ({ name: string; path: string } | { name: string; bytes: Uint8Array }) & { provenance?: AssetProvenance }
/**
 * `rejected[].asset`: an image refused only for its shape is still stored, flagged `usable: false`, so the
 * crop dialog can offer it; nothing else ever uses it.
 */
export type ImportOutcome = { assets: Asset[]; rejected: { name: string; error: AppError; asset?: Asset }[] }
export type ImportDeps = { now(): Date; disk?: DurableFs }

const originalExtensions: Record<ImageKind, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', heic: 'heic', gif: 'gif', tiff: 'tif', bmp: 'bmp' }

/**
 * Fits images to Kling and stores them in a project folder. Each source is accepted or rejected on its own; a
 * rejected one writes nothing. Returns one asset per accepted source (the existing one when the same image is
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
      const prepared = await prepareImage(bytes)
      const id = await contentHashInSlices(prepared.bytes)
      const original = prepared.conversion ? { fileName: `${await contentHashInSlices(bytes)}.${originalExtensions[prepared.conversion.from]}`, bytes } : null
      const asset: Asset = known.get(id) ?? {
        id,
        mime: prepared.mime,
        width: prepared.width,
        height: prepared.height,
        bytes: prepared.bytes.byteLength,
        originalName: source.name.slice(0, 1024),
        importedAt: deps.now().toISOString(),
        ...(prepared.conversion && original && { conversion: { ...prepared.conversion, originalFile: original.fileName } }),
        ...(!prepared.fitsAspect && { usable: false }),
        ...(source.provenance ? { provenance: source.provenance } : {}),
      }
      await storeAssetFiles(dir, asset, prepared.bytes, prepared.thumbnail, deps.disk ?? nodeDurableFs, original)
      known.set(id, asset)
      if (asset.usable === false) outcome.rejected.push({ name: source.name, error: aspectRefusal(asset.width, asset.height), asset })
      else if (!outcome.assets.some((accepted) => accepted.id === id)) outcome.assets.push(asset)
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
  checkSourceSize(stat.size)
  return fs.readFile(filePath).catch(() => unreadableFile(filePath))
}

function unreadableFile(filePath: string): never {
  return fail('image_unreadable', `Could not read ${path.basename(filePath)}.`, 'Check that the file still exists and that Omniboard may read it.')
}

const importError = (cause: unknown): AppError => (isAppErrorException(cause) ? cause.error : diskError(cause, 'the image'))
