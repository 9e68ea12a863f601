import { create } from 'zustand'
import type { Breakdown } from '../../../../../shared/script/breakdown'
import type { Screenplay } from '../../../../../shared/script/screenplay'

/** A script read and waiting in its dialog: a first import (a breakdown to adjust) or a newer draft to compare. */
export type ScriptSession = {
  fileName: string
  screenplay: Screenplay
  mode: 'import' | 'reimport'
  breakdown: Breakdown
  /** Re-import: the user agreed to remove clips with takes that the new draft no longer has. */
  removeClipsWithTakes: boolean
  /** First import: put the clips in place of the selected ones instead of after the last clip. */
  replaceSelection: boolean
}

type ScriptImportUi = {
  session: ScriptSession | null
  busy: boolean
  open: (session: ScriptSession) => void
  change: (patch: Partial<Pick<ScriptSession, 'breakdown' | 'removeClipsWithTakes' | 'replaceSelection'>>) => void
  setBusy: (busy: boolean) => void
  close: () => void
}

/** The dialog's working state: window state, never saved and never undone (the import itself is one edit). */
export const useScriptImport = create<ScriptImportUi>()((set, get) => ({
  session: null,
  busy: false,
  open: (session) => set({ session, busy: false }),
  change: (patch) => {
    const session = get().session
    if (session) set({ session: { ...session, ...patch } })
  },
  setBusy: (busy) => set({ busy }),
  close: () => set({ session: null, busy: false }),
}))
