import { useMemo } from 'react'
import type { Clip, Element } from '../../../../shared/domain/project'
import { selectElements } from '../../store/selectors'
import { useStore } from '../../store/store'

/** `n` is the token number the element has (or will have once attached) in this clip's element list. */
export type ElementChoice = { element: Element; n: number; attached: boolean }

export function useElementChoices(clip: Clip): ElementChoice[] {
  const elements = useStore(selectElements)
  return useMemo(() => {
    const attached = clip.elementIds.flatMap((id, i) => {
      const element = elements.find((e) => e.id === id)
      return element ? [{ element, n: i + 1, attached: true }] : []
    })
    const others = elements
      .filter((e) => !clip.elementIds.includes(e.id))
      .map((element) => ({ element, n: clip.elementIds.length + 1, attached: false }))
    return [...attached, ...others]
  }, [clip.elementIds, elements])
}
