import type { Asset, Take } from '../../../../../shared/domain/project'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import type { ChainLink } from '../../../../../shared/takes/chain-links'
import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'

type FrameAt = { kind: 'first' } | { kind: 'last' } | { kind: 'time'; seconds: number }

/** Imports a frame of a take as an asset (main decodes it at full size) and shows it in the bin at once. */
export async function grabFrame(take: Take, at: FrameAt): Promise<Asset | null> {
  const asset = await call('frames:grab', { takeId: take.id, index: 0, at })
  if (asset) useStore.getState().addAssets([asset])
  return asset
}

/** The neighbour a take's frame would go to: the next clip for its last frame, the previous for its first. */
export function neighbourOf(take: Take, direction: 'next' | 'previous'): { clipId: string; number: number } | null {
  const clips = useStore.getState().doc?.clips ?? []
  const at = clips.findIndex((clip) => clip.id === take.clipId) + (direction === 'next' ? 1 : -1)
  const clip = at >= 0 ? clips[at] : undefined
  return clip ? { clipId: clip.id, number: at + 1 } : null
}

/** "Use last frame as the next clip's first frame", or the first frame as the previous clip's last: one undo step. */
export async function chainTake(take: Take, direction: 'next' | 'previous'): Promise<void> {
  const target = neighbourOf(take, direction)
  if (!target) return
  const asset = await grabFrame(take, { kind: direction === 'next' ? 'last' : 'first' })
  if (!asset) return
  const store = useStore.getState()
  store.edit({ type: 'setFrame', clipId: target.clipId, slot: direction === 'next' ? 'first' : 'last', assetId: asset.id })
  const number = takeNumberOf(store.takes, take.id)
  store.pushToast({
    tone: 'success',
    message: direction === 'next' ? `Clip ${target.number} now starts on the last frame of take ${number}.` : `Clip ${target.number} now ends on the first frame of take ${number}.`,
    tie: 'undo',
  })
}

/** Re-chains from the source clip's chosen take, in the same slot the stale frame is in. */
export async function updateChain(link: ChainLink): Promise<void> {
  const take = useStore.getState().takes.find((candidate) => candidate.id === link.staleAgainst)
  if (!take) return
  await chainTake(take, link.slot === 'first' ? 'next' : 'previous')
}
