import { create } from 'zustand'

/** Which lane item is selected: view state, never in the document or undo. */
export const useLaneSelection = create<{ itemId: string | null }>(() => ({ itemId: null }))
export const selectAudioItem = (itemId: string | null): void => useLaneSelection.setState({ itemId })
