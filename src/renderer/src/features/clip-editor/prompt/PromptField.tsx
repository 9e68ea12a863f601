import type { Clip } from '../../../../../shared/domain/project'
import { editCoalesced } from '../../../store/history'
import { useStore } from '../../../store/store'
import { ChipPromptField, type ChipPromptProps } from './ChipPromptField'
import { targetKey, textEditOp, type TextTarget } from './text-target'
import { clipTokenSource } from './token-chip'

type Props = Omit<ChipPromptProps, 'source' | 'onText' | 'onInsert'> & { clip: Clip; target: TextTarget }

/** One of a clip's prompts: typing is coalesced into one undo step; choosing an element attaches it with the token. */
export function PromptField({ clip, target, ...field }: Props) {
  return (
    <ChipPromptField
      {...field}
      source={clipTokenSource(clip)}
      onText={(text) => editCoalesced(textEditOp(clip.id, target, text), targetKey(clip.id, target))}
      onInsert={(choice, text) => {
        const attach = choice.kind === 'element' && !choice.attached ? [{ type: 'attachElement' as const, clipId: clip.id, elementId: choice.element.id }] : []
        useStore.getState().edit([...attach, textEditOp(clip.id, target, text)])
      }}
    />
  )
}
