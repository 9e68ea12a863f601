import type { z } from 'zod'
import type { ProjectDocument } from './project'
import { defaultMix, type AudioLane, type Mix } from './audio-schema'
import type { mixEditOps } from './mix-edits-schema'

export type MixEditOp = z.infer<(typeof mixEditOps)[number]>
export const mixEditTypes: ReadonlySet<string> = new Set(['addAudioItem', 'updateAudioItem', 'removeAudioItem', 'updateAudioLane', 'setMixLevels', 'setClipDialogue'])

/** Applies a sound edit to an Immer draft of the document; an unknown id changes nothing. */
export function applyMixEdit(doc: ProjectDocument, op: MixEditOp): void {
  const mix: Mix = doc.mix ?? (doc.mix = structuredClone(defaultMix))
  switch (op.type) {
    case 'addAudioItem': {
      if (mix.lanes.some((lane) => lane.items.some((item) => item.id === op.item.id))) return
      let lane = mix.lanes.find((candidate) => candidate.id === op.laneId)
      if (!lane) {
        if (mix.lanes.length >= 16) return
        lane = { id: op.laneId, name: op.laneName ?? `Lane ${mix.lanes.length + 1}`, muted: false, solo: false, items: [] }
        mix.lanes.push(lane)
      }
      lane.items.push(op.item)
      return
    }
    case 'updateAudioItem': {
      const item = laneOf(mix.lanes, op.itemId)?.items.find((candidate) => candidate.id === op.itemId)
      if (item) Object.assign(item, definedOnly(op.patch))
      return
    }
    case 'removeAudioItem': {
      const lane = laneOf(mix.lanes, op.itemId)
      if (lane) lane.items = lane.items.filter((item) => item.id !== op.itemId)
      return
    }
    case 'updateAudioLane': {
      const lane = mix.lanes.find((candidate) => candidate.id === op.laneId)
      if (lane) Object.assign(lane, definedOnly(op.patch))
      return
    }
    case 'setMixLevels':
      Object.assign(mix, definedOnly(op.patch))
      return
    case 'setClipDialogue':
      if (op.db === null || op.db === 0) delete mix.clipDialogueDb[op.clipId]
      else mix.clipDialogueDb[op.clipId] = op.db
      return
  }
}

const laneOf = (lanes: AudioLane[], itemId: string): AudioLane | undefined => lanes.find((lane) => lane.items.some((item) => item.id === itemId))

const definedOnly = <T extends object>(patch: T): Partial<T> => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>
