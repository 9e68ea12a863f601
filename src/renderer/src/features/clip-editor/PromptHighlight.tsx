import { useEffect, useRef, type RefObject } from 'react'
import { parsePromptSegments } from '../../../../shared/domain/edits'
import type { Clip } from '../../../../shared/domain/project'
import { selectElements } from '../../store/selectors'
import { useStore } from '../../store/store'
import { AssetThumb } from '../assets/AssetThumb'

type Props = { text: string; clip: Clip; textarea: RefObject<HTMLTextAreaElement | null> }

/**
 * Draws the prompt behind its transparent textarea with identical metrics: plain text as text, each
 * `<<<element_N>>>` as a chip (picture and name) laid over the token's own width, so the caret, selection and
 * wrapping of the real textarea line up with what is seen. The textarea keeps the API's tokens.
 */
export function PromptHighlight({ text, clip, textarea }: Props) {
  const mirror = useRef<HTMLDivElement>(null)
  const elements = useStore(selectElements)
  useEffect(() => {
    const input = textarea.current
    if (!input) return
    const sync = () => {
      if (mirror.current) mirror.current.scrollTop = input.scrollTop
    }
    input.addEventListener('scroll', sync)
    return () => input.removeEventListener('scroll', sync)
  }, [textarea])
  return (
    <div ref={mirror} className="prompt-field__mirror" aria-hidden="true">
      {parsePromptSegments(text).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>
        const element = elements.find((e) => e.id === clip.elementIds[segment.n - 1])
        return (
          <mark key={i} className={element ? 'prompt-field__token' : 'prompt-field__token prompt-field__token--missing'}>
            {`<<<element_${segment.n}>>>`}
            <span className="prompt-field__chip">
              {element?.frontalAssetId && (
                <span className="prompt-field__chip-thumb">
                  <AssetThumb assetId={element.frontalAssetId} />
                </span>
              )}
              <span className="prompt-field__chip-name">{element ? element.name || `Element ${segment.n}` : `element ${segment.n}?`}</span>
            </span>
          </mark>
        )
      })}
      {'\n'}
    </div>
  )
}
