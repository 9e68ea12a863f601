import { useRef } from 'react'

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((item, at) => Object.is(item, b[at])))

/**
 * `useShallow` for lists as long as the storyboard: the previous array while every item is the same. zustand's
 * shallow compares arrays by building a Map of each, for every subscriber on every store change; this is one pass.
 */
export function useSameItems<S, T>(selector: (state: S) => readonly T[]): (state: S) => readonly T[] {
  const previous = useRef<readonly T[] | null>(null)
  return (state) => {
    const next = selector(state)
    if (previous.current !== null && sameItems(previous.current, next)) return previous.current
    previous.current = next
    return next
  }
}
