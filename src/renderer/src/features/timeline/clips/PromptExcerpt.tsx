import { parsePromptSegments } from '../../../../../shared/domain/edits'
import { selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'

/** A prompt as a storyboard reads it: element tokens become their names, images and the video short labels. */
export function PromptExcerpt({ text, elementIds, empty }: { text: string; elementIds: readonly string[]; empty: string }) {
  const elements = useStore(selectElements)
  if (!text.trim()) return <span className="tl-shot__prompt tl-shot__prompt--empty">{empty}</span>
  return (
    <span className="tl-shot__prompt">
      {parsePromptSegments(text).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>
        if (segment.kind !== 'element') return <span key={i} className="tl-token">@{segment.kind === 'image' ? `image ${segment.n}` : 'video'}</span>
        const element = elements.find((e) => e.id === elementIds[segment.n - 1])
        return (
          <span key={i} className={element ? 'tl-token' : 'tl-token tl-token--missing'}>
            @{element?.name || `element ${segment.n}`}
          </span>
        )
      })}
    </span>
  )
}
