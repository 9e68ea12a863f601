import type { Asset } from '../../../../../shared/domain/project'
import type { ImportResult } from '../../../../../shared/ipc/contract'
import { useStore } from '../../../store/store'

/** Every change import made to an image is said once, when it happens, besides staying on the asset. */
export function announceConversions(assets: readonly Asset[]): void {
  const converted = assets.filter((asset) => asset.conversion)
  if (converted.length === 0) return
  const lines = converted.map((asset) => `${asset.originalName}: ${asset.conversion!.note}`)
  const message = converted.length === 1 ? `Imported ${lines[0]}.` : `Imported ${converted.length} images, adapted for Kling.`
  useStore.getState().pushToast({ tone: 'info', message, ...(converted.length > 1 && { hint: lines.join(' · ') }), ...(converted.length === 1 && { hint: 'The file as chosen is kept in the project’s assets/originals folder.' }) })
}

export const keptForCropping = (result: ImportResult): Asset | null => result.rejected.find((rejected) => rejected.asset)?.asset ?? null
