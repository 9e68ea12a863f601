import { useState } from 'react'
import type { Settings } from '../../../../shared/settings'
import { call } from '../../ipc/client'
import { useStore } from '../../store/store'

type PanelSizes = Settings['panelSizes']
const fallback: PanelSizes = { left: 240, right: 300, timeline: 220 }

/** Sizes live in settings so the layout comes back as the user left it. */
export function usePanelSizes() {
  const [sizes, setSizes] = useState<PanelSizes>(() => useStore.getState().settings?.panelSizes ?? fallback)
  const resize = (key: keyof PanelSizes) => (value: number) => setSizes((s) => ({ ...s, [key]: value }))
  const commit = (key: keyof PanelSizes) => (value: number) => {
    const next = { ...sizes, [key]: value }
    setSizes(next)
    void call('settings:update', { patch: { panelSizes: next } }).then((view) => view && useStore.getState().setSettings(view))
  }
  return { sizes, resize, commit }
}
