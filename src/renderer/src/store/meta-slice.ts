import type { StateCreator } from 'zustand'
import { pickDocument } from './document-slice'
import type { MetaSlice, Store } from './types'
import { outlivesProject } from './ui-slice'

export const createMetaSlice: StateCreator<Store, [], [], MetaSlice> = (set, get) => ({
  path: null,
  assets: [],
  audioFiles: [],
  takes: [],
  revision: 0,
  loadSnapshot: ({ path, project, revision }) => {
    const firstClip = project.clips[0]?.id ?? null
    const other = get().path !== null && get().path !== path
    set({
      path,
      revision,
      assets: project.assets,
      audioFiles: project.audioFiles ?? [],
      takes: project.takes,
      doc: pickDocument(project),
      selectedClipId: firstClip,
      selectedShotId: null,
      selectedClipIds: {},
      selectionAnchorId: null,
      progress: {},
      projectCapUsd: project.budget?.capUsd ?? null,
      // Opening another project over this one closes this one, and with it what its toasts speak of.
      ...(other && { toasts: get().toasts.filter(outlivesProject) }),
    })
  },
  closeProjectLocal: () =>
    set({
      path: null,
      assets: [],
      audioFiles: [],
      takes: [],
      revision: 0,
      doc: null,
      selectedClipId: null,
      selectedShotId: null,
      selectedClipIds: {},
      selectionAnchorId: null,
      progress: {},
      projectCapUsd: null,
      // A toast's action (Show, Retry) points into the project being closed; a tied one speaks of it.
      toasts: get().toasts.filter(outlivesProject),
    }),
  addAssets: (assets) => {
    const known = new Set(get().assets.map((a) => a.id))
    const fresh = assets.filter((a) => !known.has(a.id))
    if (fresh.length > 0) set({ assets: [...get().assets, ...fresh] })
  },
  addAudioFiles: (files) => {
    const known = new Set(get().audioFiles.map((file) => file.id))
    const fresh = files.filter((file) => !known.has(file.id))
    if (fresh.length > 0) set({ audioFiles: [...get().audioFiles, ...fresh] })
  },
  upsertTake: (take) => {
    const takes = get().takes
    const at = takes.findIndex((t) => t.id === take.id)
    if (at === -1) return set({ takes: [...takes, take] })
    if (takes[at]!.updatedAt > take.updatedAt) return
    const next = takes.slice()
    next[at] = take
    set({ takes: next })
  },
  setRevision: (revision) => set({ revision: Math.max(revision, get().revision) }),
  projectCapUsd: null,
  setProjectCapLocal: (projectCapUsd) => set({ projectCapUsd }),
})
