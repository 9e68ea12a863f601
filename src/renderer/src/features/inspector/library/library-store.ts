import { create } from 'zustand'
import type { LibraryCharacter } from '../../../../../shared/domain/library'

/** The app-wide character library as last read from main; not part of any project, so never undone. */
export const useLibraryStore = create<{ characters: LibraryCharacter[] | null; set: (characters: LibraryCharacter[]) => void }>()((set) => ({
  characters: null,
  set: (characters) => set({ characters }),
}))
