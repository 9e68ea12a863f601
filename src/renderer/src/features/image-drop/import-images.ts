import type { Asset } from '../../../../shared/domain/project'
import { validateImageAsset } from '../../../../shared/domain/validate-images'
import { invoke } from '../../ipc/client'
import { useStore } from '../../store/store'

export type ImportOutcome = { assets: Asset[]; refusal: string | null }

/**
 * OS files arrive as bytes: the renderer has no file paths (Electron's webUtils is not available to it),
 * and bytes work the same in Electron and in a browser. The main process checks every image.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const assets: Asset[] = []
  let refusal: string | null = null
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await invoke('assets:importBytes', { name: file.name, bytes })
    if (!result.ok) {
      refusal ??= result.error.message
      continue
    }
    assets.push(...result.value.assets)
    refusal ??= result.value.rejected[0]?.error.message ?? null
  }
  useStore.getState().addAssets(assets)
  return { assets, refusal }
}

export async function importPaths(paths: readonly string[]): Promise<ImportOutcome> {
  if (paths.length === 0) return { assets: [], refusal: null }
  const result = await invoke('assets:importFiles', { paths: [...paths] })
  if (!result.ok) return { assets: [], refusal: result.error.message }
  useStore.getState().addAssets(result.value.assets)
  const refusal = result.value.rejected.map((r) => `${r.name}: ${r.error.message}`).join(' ') || null
  return { assets: result.value.assets, refusal }
}

/** An image already in the project can still break a limit (e.g. imported by an older version). */
export function refusalForAsset(assetId: string): string | null {
  const issues = validateImageAsset(assetId, useStore.getState().assets, 'image', 'This image')
  return issues.find((issue) => issue.severity === 'error')?.message ?? null
}
