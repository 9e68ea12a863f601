import { useId, useRef, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent, type SyntheticEvent } from 'react'
import { insertToken, tokenFor } from '../../../../../shared/domain/element-tokens'
import { caretOutsideTokens, deleteWholeToken, rangeOutsideTokens } from '../../../../../shared/domain/token-editing'
import type { ValidationIssue } from '../../../../../shared/domain/validate-clip'
import { CharCounter } from './CharCounter'
import { ElementPicker } from './ElementPicker'
import { FieldIssues } from '../validation/FieldIssues'
import { matchingChoices, mentionQuery } from './mention-query'
import { PromptChips } from './PromptChips'
import { PromptHighlight } from './PromptHighlight'
import type { TokenSource } from './token-chip'
import { useElementChoices, type ElementChoice } from './use-element-choices'

export type ChipPromptProps = {
  label: string
  /** What the tokens name: the clip's elements, images and video, or those of an edit being drafted. */
  source: TokenSource
  value: string
  max: number
  rows?: number
  placeholder?: string
  issues: readonly ValidationIssue[]
  /** Typing: the whole new text. */
  onText: (text: string) => void
  /** A choice from the picker, and the text with its token in place (an element not yet in the list joins it). */
  onInsert: (choice: ElementChoice, text: string) => void
}

/**
 * The open element picker: `at` is where the `@` was typed (or the caret when the menu button opened it),
 * `typed` whether that `@` and the `query` after it are in the text and make way for the chosen token.
 */
type Picker = { at: number; typed: boolean; query: string }

/**
 * A prompt with chips (the clip editor's prompts, an edit's instruction). A plain textarea, so typing, undo, copy and paste and screen readers behave as everywhere else; its text is
 * drawn by the mirror behind it, where element tokens show as chips, and a token is edited as one piece. `@` opens the element picker at the caret, and what
 * follows it filters the list by name until a space, like a mention.
 */
export function ChipPromptField({ label, source, value, max, rows = 4, placeholder, issues, onText, onInsert }: ChipPromptProps) {
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [picker, setPicker] = useState<Picker | null>(null)
  const [active, setActive] = useState(0)
  const lastCaret = useRef(0)
  const allChoices = useElementChoices(source)
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
    onText(next)
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
    const text = insertToken(base, at, tokenFor(choice.kind, choice.n))
    onInsert(choice, text)
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
    onText(result.text)
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
        <PromptHighlight text={value} source={source} textarea={textarea} />
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
      <PromptChips text={value} source={source} />
      <FieldIssues id={issuesId} issues={issues} />
    </div>
  )
}
