import { temporal } from 'zundo'
import { create } from 'zustand'
import type { ProjectDocument } from '../../../shared/domain/project'
import { setCallErrorReporter } from '../ipc/client'
import { createDocumentSlice } from './document-slice'
import { createGenerationSlice } from './generation-slice'
import { createMetaSlice } from './meta-slice'
import { createSelectionSlice } from './selection-slice'
import type { Store } from './types'
import { createUiSlice } from './ui-slice'

export type TrackedState = { doc: ProjectDocument | null }

export const useStore = create<Store>()(
  temporal(
    (...a) => ({
      ...createDocumentSlice(...a),
      ...createMetaSlice(...a),
      ...createSelectionSlice(...a),
      ...createUiSlice(...a),
      ...createGenerationSlice(...a),
    }),
    {
      partialize: (state): TrackedState => ({ doc: state.doc }),
      // Only a new document object is a step; selection, toasts and takes never are.
      equality: (past, current) => past.doc === current.doc,
      limit: 200,
    },
  ),
)

setCallErrorReporter((error) => useStore.getState().showError(error))
