import { Film } from 'lucide-react'
import { useEffect, useRef, type RefObject } from 'react'
import { parsePromptSegments } from '../../../../../shared/domain/edits'
import { tokenFor } from '../../../../../shared/domain/element-tokens'
import { selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { AssetThumb } from '../../assets/bin/AssetThumb'
import { tokenChip, type TokenSource } from './token-chip'

type Props = { text: string; source: TokenSource; textarea: RefObject<HTMLTextAreaElement | null> }

/**
 * Draws the prompt behind its transparent textarea with identical metrics: plain text as text, each token
 * (`<<<element_N>>>`, `<<<image_N>>>`, `<<<video_1>>>`) as a chip (picture and name) laid over the token's own
 * width, so the caret, selection and wrapping of the real textarea line up with what is seen. The textarea keeps
 * the API's tokens.
 */
export function PromptHighlight({ text, source, textarea }: Props) {
  const mirror = useRef<HTMLDivElement>(null)
  const elements = useStore(selectElements)
  const takes = useStore((s) => s.takes)
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
        const chip = tokenChip(segment.kind, segment.n, source, { elements, takes })
        return (
          <mark key={i} className={chip.missing ? 'prompt-field__token prompt-field__token--missing' : 'prompt-field__token'}>
            {tokenFor(segment.kind, segment.n)}
            <span className={`prompt-field__chip prompt-field__chip--${segment.kind}`}>
              {chip.assetId && (
                <span className="prompt-field__chip-thumb">
                  <AssetThumb assetId={chip.assetId} />
                </span>
              )}
              {segment.kind === 'video' && !chip.missing && <Film size={12} strokeWidth={2} aria-hidden />}
              <span className="prompt-field__chip-name">{chip.name}</span>
            </span>
          </mark>
        )
      })}
      {'\n'}
    </div>
  )
}
