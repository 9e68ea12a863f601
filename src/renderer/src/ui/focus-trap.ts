import type { KeyboardEvent } from 'react'

const TABBABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), video[controls], [tabindex]'

/** An unchecked radio whose group has a checked one: Tab passes it by, so it is never the first or last stop. */
const skippedRadio = (el: HTMLElement, container: HTMLElement) =>
  el instanceof HTMLInputElement &&
  el.type === 'radio' &&
  el.name !== '' &&
  !el.checked &&
  [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].some((checked) => checked.name === el.name)

/** Where Tab stops inside `container`, in order: enabled, shown and in the tab order. */
function tabStops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !skippedRadio(el, container))
}

/**
 * Wraps Tab and Shift+Tab at the ends of a modal, so keyboard focus stays inside it. A native modal <dialog> makes
 * the page behind it inert, but Chromium still lets Tab leave the dialog for the window's chrome, or for nothing.
 */
function keepTabInside(e: KeyboardEvent, container: HTMLElement): void {
  if (e.key !== 'Tab' || e.defaultPrevented) return
  const stops = tabStops(container)
  const active = document.activeElement
  const edge = e.shiftKey ? stops[0] : stops.at(-1)
  if (active !== edge && container.contains(active) && active !== container) return
  e.preventDefault()
  ;(e.shiftKey ? stops.at(-1) : stops[0])?.focus()
}

/** A modal's keys: Tab wraps inside it, and Escape closes it without reaching the window's own Escape. */
export function modalKeyDown(onClose: () => void): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    keepTabInside(e, e.currentTarget)
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    }
  }
}

/** Gives focus back to `opener` when a modal closed and left it nowhere (on the body, or in the removed modal). */
export function returnFocus(opener: Element | null, modal: HTMLElement | null): void {
  const active = document.activeElement
  const lost = active === null || active === document.body || (modal?.contains(active) ?? false)
  if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus()
}
