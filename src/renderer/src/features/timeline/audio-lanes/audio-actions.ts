import type { AudioFile } from '../../../../../shared/domain/audio-schema'
import { placeItem } from '../../../../../shared/audio/mix-plan'
import { newId } from '../../../../../shared/domain/ids'
import type { AudioImportResult } from '../../../../../shared/ipc/contract'
import type { Result } from '../../../../../shared/result'
import { invoke } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { selectAudioItem } from './audio-lanes-store'
import { clipSpansOf } from './lane-geometry'

/** Where imported sound goes: a lane (a new one when its id is not in the project yet) and a film time. */
export type Placement = { laneId: string; laneName?: string; atSeconds: number }

/**
 * Dropped files arrive as bytes (the page has no paths). Each is checked by main; the ones it takes are placed one
 * after another from the drop point, as one undoable edit each, and the refused ones are named with the reason.
 */
export async function importDroppedSound(files: readonly File[], place: Placement): Promise<void> {
  const accepted: AudioFile[] = []
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    accepted.push(...adopt(await invoke('audio:importBytes', { name: file.name, bytes }), file.name))
  }
  placeOnLane(accepted, place)
}

/** Import sound…: files chosen in the OS dialog, read by main from their paths, placed after the lane's last item. */
export async function importChosenSound(place: Placement): Promise<void> {
  const chosen = await invoke('project:chooseAudio', {})
  if (!chosen.ok || chosen.value.paths.length === 0) return
  placeOnLane(adopt(await invoke('audio:importFiles', { paths: chosen.value.paths }), `${chosen.value.paths.length} files`), place)
}

function adopt(result: Result<AudioImportResult>, name: string): AudioFile[] {
  const store = useStore.getState()
  if (!result.ok) {
    store.pushToast({ tone: 'danger', message: `${name}: ${result.error.message}`, hint: result.error.hint })
    return []
  }
  for (const refusal of result.value.rejected) store.pushToast({ tone: 'danger', message: refusal.error.message, hint: refusal.error.hint })
  store.addAudioFiles(result.value.files)
  return result.value.files
}

function placeOnLane(files: readonly AudioFile[], place: Placement): void {
  const { doc, edit } = useStore.getState()
  if (!doc || files.length === 0) return
  const spans = clipSpansOf(doc.clips)
  let at = place.atSeconds
  let lastId: string | null = null
  for (const file of files) {
    lastId = newId()
    // New sound follows the clip it lands on, so the cut can move and retime clips under it.
    const item = { id: lastId, audioId: file.id, ...placeItem(at, true, spans), sourceInSeconds: 0, durationSeconds: file.durationSeconds, gainDb: 0, fadeInSeconds: 0, fadeOutSeconds: 0 }
    edit({ type: 'addAudioItem', laneId: place.laneId, ...(place.laneName ? { laneName: place.laneName } : {}), item })
    at += file.durationSeconds
  }
  selectAudioItem(lastId)
}
