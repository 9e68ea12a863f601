import { selectClipById } from '../../store/selectors'
import { useStore } from '../../store/store'
import { PromptExcerpt } from '../timeline/clips/PromptExcerpt'

/** A clip's prompt with element tokens shown as the elements' names, as the timeline shows it. */
export function FilmPrompt({ clipId, text }: { clipId: string; text: string }) {
  const elementIds = useStore((s) => selectClipById(clipId)(s)?.elementIds ?? noElements)
  return <PromptExcerpt text={text} elementIds={elementIds} empty="No prompt yet" />
}

const noElements: readonly string[] = []
