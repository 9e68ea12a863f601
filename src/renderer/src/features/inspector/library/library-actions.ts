import { createElement } from '../../../../../shared/domain/edits'
import { newId } from '../../../../../shared/domain/ids'
import type { LibraryCharacter } from '../../../../../shared/domain/library'
import type { Element } from '../../../../../shared/domain/project'
import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { useLibraryStore } from './library-store'

export async function loadLibrary(): Promise<void> {
  const characters = await call('library:list', {})
  if (characters) useLibraryStore.getState().set(characters)
}

export async function saveToLibrary(element: Element): Promise<void> {
  const characters = await call('library:save', { elementId: element.id })
  if (!characters) return
  useLibraryStore.getState().set(characters)
  useStore.getState().pushToast({ tone: 'success', message: `${element.name || 'The element'} is in the character library.`, hint: 'Insert it into any project from the Library panel.' })
}

export async function removeFromLibrary(character: LibraryCharacter): Promise<void> {
  const characters = await call('library:remove', { characterId: character.id })
  if (characters) useLibraryStore.getState().set(characters)
}

/** Copies the character's images into this project, then adds it as an element (one undo step) to the selected clip. */
export async function insertFromLibrary(character: LibraryCharacter): Promise<void> {
  const inserted = await call('library:insert', { characterId: character.id })
  if (!inserted) return
  const store = useStore.getState()
  store.addAssets(inserted.assets)
  const element: Element = {
    ...createElement(newId(), inserted.name),
    frontalAssetId: inserted.frontalAssetId,
    referenceAssetIds: inserted.referenceAssetIds,
  }
  const clipId = store.selectedClipId
  store.edit([{ type: 'addElement', element }, ...(clipId ? [{ type: 'attachElement' as const, clipId, elementId: element.id }] : [])])
}
