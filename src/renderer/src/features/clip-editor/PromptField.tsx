import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import { insertElementToken } from '../../../../shared/domain/edits'
import type { Clip } from '../../../../shared/domain/project'
import type { ValidationIssue } from '../../../../shared/domain/validate-clip'
import { editCoalesced } from '../../store/history'
import { useStore } from '../../store/store'
import { CharCounter } from './CharCounter'
import { ElementPicker } from './ElementPicker'
import { FieldIssues } from './FieldIssues'
import { PromptChips } from './PromptChips'
import { PromptHighlight } from './PromptHighlight'
import { targetKey, textEditOp, type TextTarget } from './text-target'
import { useElementChoices, type ElementChoice } from './use-element-choices'

type Props = {
  label: string
  clip: Clip
  target: TextTarget
  value: string
  max: number
  rows?: number
  placeholder?: string
  issues: readonly ValidationIssue[]
}

/**
 * A plain textarea, so editing, selection and screen readers behave as everywhere else; element tokens are
 * highlighted behind the text and listed as chips below. `@` opens the element picker at the caret.
 */
export function PromptField({ label, clip, target, value, max, rows = 4, placeholder, issues }: Props) {
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [picker, setPicker] = useState<{ at: number; replaceAt: boolean } | null>(null)
  const [active, setActive] = useState(0)
  const choices = useElementChoices(clip)
  const hasError = issues.some((i) => i.severity === 'error')

  function onChange(e: ChangeEvent<HTMLTextAreaElement>) {
    const next = e.target.value
    const caret = e.target.selectionStart
    if (next.length === value.length + 1 && next[caret - 1] === '@') {
      setPicker({ at: caret - 1, replaceAt: true })
      setActive(0)
    } else if (picker) {
      setPicker(null)
    }
    editCoalesced(textEditOp(clip.id, target, next), targetKey(clip.id, target))
  }

  function insert(choice: ElementChoice) {
    const at = picker?.at ?? textarea.current?.selectionStart ?? value.length
    const base = picker?.replaceAt && value[at] === '@' ? value.slice(0, at) + value.slice(at + 1) : value
    const text = insertElementToken(base, at, choice.n)
    const attach = choice.attached ? [] : [{ type: 'attachElement' as const, clipId: clip.id, elementId: choice.element.id }]
    useStore.getState().edit([...attach, textEditOp(clip.id, target, text)])
    setPicker(null)
    const caret = text.length - (base.length - at)
    requestAnimationFrame(() => {
      textarea.current?.focus()
      textarea.current?.setSelectionRange(caret, caret)
    })
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!picker) return
    const count = choices.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (count > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : count - 1)) % count)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const choice = choices[active]
      if (!choice) return setPicker(null)
      e.preventDefault()
      insert(choice)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      setPicker(null)
    }
  }

  const counterId = `${id}-counter`
  const issuesId = `${id}-issues`
  const listId = `${id}-elements`
  return (
    <div className="field prompt-field">
      <div className="field__row">
        <label className="caps-label" htmlFor={id}>{label}</label>
        <div className="prompt-field__tools">
          <ElementPicker
            listId={listId}
            choices={choices}
            open={picker !== null}
            active={active}
            onOpen={() => setPicker({ at: textarea.current?.selectionStart ?? value.length, replaceAt: false })}
            onClose={() => setPicker(null)}
            onChoose={insert}
          />
          <CharCounter id={counterId} length={value.length} max={max} />
        </div>
      </div>
      <div className="prompt-field__box">
        <PromptHighlight text={value} textarea={textarea} />
        <textarea
          ref={textarea}
          id={id}
          className="textarea prompt-field__input"
          rows={rows}
          value={value}
          placeholder={placeholder}
          spellCheck
          aria-invalid={hasError}
          aria-describedby={`${counterId} ${issuesId}`}
          aria-expanded={picker !== null}
          aria-controls={picker ? listId : undefined}
          aria-activedescendant={picker && choices[active] ? `${listId}-${active}` : undefined}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onBlur={() => setPicker(null)}
        />
      </div>
      <PromptChips text={value} clip={clip} />
      <FieldIssues id={issuesId} issues={issues} />
    </div>
  )
}
