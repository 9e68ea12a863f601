import { useMemo } from 'react'
import type { Element } from '../../../../../shared/domain/project'
import { selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import type { TokenSource } from './token-chip'
import { videoName } from './token-chip'

/**
 * What the `@` picker offers: the video and reference images the request holds, then elements. `n` is the token
 * number an element has (or will have once attached) in the element list; `name` is what the query filters by.
 */
export type ElementChoice =
  | { kind: 'element'; element: Element; n: number; attached: boolean; name: string }
  | { kind: 'image'; assetId: string; n: number; name: string }
  | { kind: 'video'; n: 1; name: string }

export function useElementChoices(source: TokenSource): ElementChoice[] {
  const elements = useStore(selectElements)
  const takes = useStore((s) => s.takes)
  const { elementIds, referenceImageIds, video } = source
  return useMemo(() => {
    const videoChoices: ElementChoice[] = video ? [{ kind: 'video', n: 1, name: videoName(video, takes) }] : []
    const images = (referenceImageIds ?? []).map((assetId, i): ElementChoice => ({ kind: 'image', assetId, n: i + 1, name: `Image ${i + 1}` }))
    const attached = elementIds.flatMap((id, i): ElementChoice[] => {
      const element = elements.find((e) => e.id === id)
      return element ? [{ kind: 'element', element, n: i + 1, attached: true, name: element.name }] : []
    })
    const others = elements
      .filter((e) => !elementIds.includes(e.id))
      .map((element): ElementChoice => ({ kind: 'element', element, n: elementIds.length + 1, attached: false, name: element.name }))
    return [...videoChoices, ...images, ...attached, ...others]
  }, [elementIds, referenceImageIds, video, elements, takes])
}
