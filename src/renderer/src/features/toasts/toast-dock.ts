import { useSyncExternalStore } from 'react'

/**
 * Where the editor wants its toasts: a slot in the timeline header, part of the layout, so a toast never
 * lies over a control. With no slot (the welcome screen) toasts float in the corner.
 */
let dock: HTMLElement | null = null
const listeners = new Set<() => void>()

export function registerToastDock(element: HTMLElement | null): void {
  dock = element
  listeners.forEach((listener) => listener())
}

export function useToastDock(): HTMLElement | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => dock,
  )
}
