import { useId, useRef, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent, type SyntheticEvent } from 'react'
import { insertElementToken } from '../../../../shared/domain/edits'
import { caretOutsideTokens, deleteWholeToken, rangeOutsideTokens } from '../../../../shared/domain/token-editing'
import type { Clip } from '../../../../shared/domain/project'
import type { ValidationIssue } from '../../../../shared/domain/validate-clip'
import { editCoalesced } from '../../store/history'
import { useStore } from '../../store/store'
import { CharCounter } from './CharCounter'
import { ElementPicker } from './ElementPicker'
import { FieldIssues } from './FieldIssues'
import { matchingChoices, mentionQuery } from './mention-query'
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
 * The open element picker: `at` is where the `@` was typed (or the caret when the menu button opened it),
 * `typed` whether that `@` and the `query` after it are in the text and make way for the chosen token.
 */
type Picker = { at: number; typed: boolean; query: string }

/**
 * A plain textarea, so typing, undo, copy and paste and screen readers behave as everywhere else; its text is
 * drawn by the mirror behind it, where element tokens show as chips, and a token is edited as one piece. `@` opens the element picker at the caret, and what
 * follows it filters the list by name until a space, like a mention.
 */
export function PromptField({ label, clip, target, value, max, rows = 4, placeholder, issues }: Props) {
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [picker, setPicker] = useState<Picker | null>(null)
  const [active, setActive] = useState(0)
  const lastCaret = useRef(0)
  const allChoices = useElementChoices(clip)
  const choices = picker ? matchingChoices(allChoices, picker.query) : allChoices
  const highlighted = Math.min(active, choices.length - 1)
  const hasError = issues.some((i) => i.severity === 'error')

  function onChange(e: ChangeEvent<HTMLTextAreaElement>) {
    const next = e.target.value
    const caret = e.target.selectionStart
    if (next.length === value.length + 1 && next[caret - 1] === '@') {
      setPicker({ at: caret - 1, typed: true, query: '' })
      setActive(0)
    } else if (picker?.typed) {
      const query = mentionQuery(next, picker.at, caret)
      if (query === null) setPicker(null)
      else if (query !== picker.query) {
        setPicker({ ...picker, query })
        setActive(0)
      }
    } else if (picker) {
      setPicker(null)
    }
    editCoalesced(textEditOp(clip.id, target, next), targetKey(clip.id, target))
  }

  function placeCaret(caret: number) {
    requestAnimationFrame(() => {
      textarea.current?.focus()
      textarea.current?.setSelectionRange(caret, caret)
    })
  }

  function insert(choice: ElementChoice) {
    const at = picker?.at ?? textarea.current?.selectionStart ?? value.length
    const mention = picker?.typed ? `@${picker.query}` : ''
    const base = mention && value.startsWith(mention, at) ? value.slice(0, at) + value.slice(at + mention.length) : value
    const text = insertElementToken(base, at, choice.n)
    const attach = choice.attached ? [] : [{ type: 'attachElement' as const, clipId: clip.id, elementId: choice.element.id }]
    useStore.getState().edit([...attach, textEditOp(clip.id, target, text)])
    setPicker(null)
    placeCaret(text.length - (base.length - at))
  }

  // Moving the caret out of the `@query` (arrow keys, a click) ends the mention, as typing a space does.
  function onSelect(e: SyntheticEvent<HTMLTextAreaElement>) {
    const input = e.currentTarget
    const { value: text, selectionStart, selectionEnd } = input
    // The caret and selection step over a chip, never into the token behind it.
    const [from, to] =
      selectionStart === selectionEnd
        ? [caretOutsideTokens(text, selectionStart, lastCaret.current), caretOutsideTokens(text, selectionStart, lastCaret.current)]
        : rangeOutsideTokens(text, selectionStart, selectionEnd)
    if (from !== selectionStart || to !== selectionEnd) input.setSelectionRange(from, to, input.selectionDirection)
    lastCaret.current = input.selectionDirection === 'backward' ? from : to
    if (picker?.typed && mentionQuery(text, picker.at, from) === null) setPicker(null)
  }

  function deleteChip(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if ((e.key !== 'Backspace' && e.key !== 'Delete') || e.altKey || e.ctrlKey || e.metaKey) return false
    const result = deleteWholeToken(value, e.currentTarget.selectionStart, e.currentTarget.selectionEnd, e.key)
    if (!result) return false
    e.preventDefault()
    editCoalesced(textEditOp(clip.id, target, result.text), targetKey(clip.id, target))
    placeCaret(result.caret)
    return true
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (deleteChip(e) || !picker) return
    const count = choices.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (count > 0) setActive((e.key === 'ArrowDown' ? highlighted + 1 : highlighted + count - 1) % count)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const choice = choices[highlighted]
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
            query={picker?.query ?? ''}
            open={picker !== null}
            active={highlighted}
            onOpen={() => {
              setPicker({ at: textarea.current?.selectionStart ?? value.length, typed: false, query: '' })
              setActive(0)
            }}
            onClose={() => setPicker(null)}
            onChoose={insert}
          />
          <CharCounter id={counterId} length={value.length} max={max} />
        </div>
      </div>
      <div className="prompt-field__box">
        <PromptHighlight text={value} clip={clip} textarea={textarea} />
        <textarea
          ref={textarea}
          id={id}
          className="textarea prompt-field__input"
          rows={rows}
          style={{ '--rows': rows } as CSSProperties}
          value={value}
          placeholder={placeholder}
          spellCheck
          aria-invalid={hasError}
          aria-describedby={`${counterId} ${issuesId}`}
          aria-autocomplete="list"
          // A textbox may not carry aria-expanded (axe: critical); the open picker is named by aria-controls instead.
          aria-controls={picker ? listId : undefined}
          aria-activedescendant={picker && choices[highlighted] ? `${listId}-${highlighted}` : undefined}
          onChange={onChange}
          onSelect={onSelect}
          onKeyDown={onKeyDown}
          onBlur={() => setPicker(null)}
        />
      </div>
      <PromptChips text={value} clip={clip} />
      <FieldIssues id={issuesId} issues={issues} />
    </div>
  )
}
