import type { Asset } from '../../../../shared/domain/project'
import { validateImageAsset } from '../../../../shared/domain/validate-images'
import { invoke } from '../../ipc/client'
import { useStore } from '../../store/store'
import { announceConversions, keptForCropping } from './import-summary'

/** `croppable`: an image refused only for its shape, kept so the crop dialog can offer it. */
export type ImportOutcome = { assets: Asset[]; refusal: string | null; croppable?: Asset | null }

/**
 * OS files arrive as bytes: the renderer has no file paths (Electron's webUtils is not available to it),
 * and bytes work the same in Electron and in a browser. The main process checks every image.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const assets: Asset[] = []
  let refusal: string | null = null
  let croppable: Asset | null = null
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await invoke('assets:importBytes', { name: file.name, bytes })
    if (!result.ok) {
      refusal ??= result.error.message
      continue
    }
    assets.push(...result.value.assets)
    refusal ??= result.value.rejected[0]?.error.message ?? null
    croppable ??= keptForCropping(result.value)
  }
  useStore.getState().addAssets(assets)
  announceConversions(assets)
  return { assets, refusal, croppable }
}

export async function importPaths(paths: readonly string[]): Promise<ImportOutcome> {
  if (paths.length === 0) return { assets: [], refusal: null }
  const result = await invoke('assets:importFiles', { paths: [...paths] })
  if (!result.ok) return { assets: [], refusal: result.error.message }
  useStore.getState().addAssets(result.value.assets)
  announceConversions(result.value.assets)
  const refusal = result.value.rejected.map((r) => `${r.name}: ${r.error.message}`).join(' ') || null
  return { assets: result.value.assets, refusal, croppable: keptForCropping(result.value) }
}

/** An image dragged from a web page arrives as its address; main downloads it. */
export async function importUrl(url: string): Promise<ImportOutcome> {
  const result = await invoke('assets:importUrl', { url })
  if (!result.ok) return { assets: [], refusal: result.error.message }
  useStore.getState().addAssets(result.value.assets)
  announceConversions(result.value.assets)
  return { assets: result.value.assets, refusal: result.value.rejected[0]?.error.message ?? null, croppable: keptForCropping(result.value) }
}

/** An image already in the project can still break a limit (e.g. imported by an older version). */
export function refusalForAsset(assetId: string): string | null {
  const issues = validateImageAsset(assetId, useStore.getState().assets, 'image', 'This image')
  return issues.find((issue) => issue.severity === 'error')?.message ?? null
}
