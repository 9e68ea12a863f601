import type { Asset } from '../../../../../shared/domain/project'
import type { AppError } from '../../../../../shared/errors'
import { validateImageAsset } from '../../../../../shared/domain/validate-images'
import type { ImportResult } from '../../../../../shared/ipc/contract'
import type { Result } from '../../../../../shared/result'
import { invoke } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { announceConversions, keptForCropping } from './import-summary'

export type RefusedImage = { name: string; message: string }
/** `croppable`: an image refused only for its shape, kept so the crop dialog can offer it. */
export type ImportOutcome = { assets: Asset[]; refused: RefusedImage[]; croppable?: Asset | null }

/**
 * OS files arrive as bytes: the renderer has no file paths (Electron's webUtils is not available to it),
 * and bytes work the same in Electron and in a browser. The main process checks every image.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const assets: Asset[] = []
  const refused: RefusedImage[] = []
  let croppable: Asset | null = null
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await invoke('assets:importBytes', { name: file.name, bytes })
    if (!result.ok) {
      refused.push({ name: file.name, message: result.error.message })
      continue
    }
    assets.push(...result.value.assets)
    refused.push(...result.value.rejected.map((r) => ({ name: file.name, message: r.error.message })))
    croppable ??= keptForCropping(result.value)
  }
  useStore.getState().addAssets(assets)
  announceConversions(assets)
  return { assets, refused, croppable }
}

export async function importPaths(paths: readonly string[]): Promise<ImportOutcome> {
  if (paths.length === 0) return { assets: [], refused: [] }
  return adopt(await invoke('assets:importFiles', { paths: [...paths] }), `${paths.length} files`)
}

/**
 * An image dragged from a web page arrives as its address; main downloads it. A link to this computer or a private
 * network is refused until the user allows it (`allowPrivate`); `privateRefusal` is that refusal, to ask about.
 */
export async function importUrl(url: string, allowPrivate = false): Promise<ImportOutcome & { privateRefusal?: AppError }> {
  const result = await invoke('assets:importUrl', allowPrivate ? { url, allowPrivate } : { url })
  const privateRefusal = result.ok ? result.value.rejected.find((r) => r.error.code === 'image_url_private')?.error : undefined
  return privateRefusal ? { assets: [], refused: [], privateRefusal } : adopt(result, url)
}

/** One import reply into the store and the user's view; `whole` names what failed when the call itself did. */
function adopt(result: Result<ImportResult>, whole: string): ImportOutcome {
  if (!result.ok) return { assets: [], refused: [{ name: whole, message: result.error.message }] }
  useStore.getState().addAssets(result.value.assets)
  announceConversions(result.value.assets)
  return {
    assets: result.value.assets,
    refused: result.value.rejected.map((r) => ({ name: r.name, message: r.error.message })),
    croppable: keptForCropping(result.value),
  }
}

/** Each refused file with its reason, for a message that has room for one line. */
export function listRefusals(refused: readonly RefusedImage[]): string | null {
  return refused.map((r) => `${r.name}: ${r.message}`).join(' ') || null
}

/**
 * One refused file is explained where it was dropped (`inline`); of several, one toast counts them and
 * gives every file's reason, so none goes unmentioned.
 */
export function reportRefusals(refused: readonly RefusedImage[], total: number, inline: (reason: string) => void): void {
  const [only] = refused
  if (!only) return
  if (total === 1) return inline(only.message)
  useStore.getState().pushToast({
    tone: 'warning',
    message: `${refused.length} of ${total} images were not imported`,
    hint: refused.map((r) => `${r.name}: ${r.message}`).join('\n'),
  })
}

/** An image already in the project can still break a limit (e.g. imported by an older version). */
export function refusalForAsset(assetId: string): string | null {
  const issues = validateImageAsset(assetId, useStore.getState().assets, 'image', 'This image')
  return issues.find((issue) => issue.severity === 'error')?.message ?? null
}
