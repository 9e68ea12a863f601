export type FocusableWindow = { isMinimized(): boolean; restore(): void; show(): void; focus(): void }

/** A minimised window ignores `focus()` on Windows and Linux, so it is restored first. */
export function bringToFront(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
