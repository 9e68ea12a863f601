import { useEffect, useRef, type RefObject } from 'react'
import { parsePromptSegments } from '../../../../shared/domain/edits'

/**
 * Sits behind the transparent textarea with identical metrics and marks each `<<<element_N>>>` in place,
 * so tokens read as chips without turning the editor into a contenteditable.
 */
export function PromptHighlight({ text, textarea }: { text: string; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const mirror = useRef<HTMLDivElement>(null)
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
      {parsePromptSegments(text).map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <mark key={i} className="prompt-field__token">{`<<<element_${segment.n}>>>`}</mark>
        ),
      )}
      {'\n'}
    </div>
  )
}
