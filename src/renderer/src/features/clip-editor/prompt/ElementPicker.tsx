import { AtSign, Film } from 'lucide-react'
import { useEffect } from 'react'
import { AssetThumb } from '../../assets/bin/AssetThumb'
import type { ElementChoice } from './use-element-choices'

type Props = {
  listId: string
  /** The choices left after filtering by `query`. */
  choices: readonly ElementChoice[]
  query: string
  open: boolean
  active: number
  onOpen: () => void
  onClose: () => void
  onChoose: (choice: ElementChoice) => void
}

/** Focus stays in the textarea while the list is open (aria-activedescendant), so typing never stalls. */
export function ElementPicker({ listId, choices, query, open, active, onOpen, onClose, onChoose }: Props) {
  useEffect(() => {
    // Optional call: jsdom has no scrollIntoView.
    if (open) document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [listId, open, active])

  return (
    <>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        aria-label="Insert element reference"
        title="Insert a reference to an element, image or video (or type @)"
        aria-expanded={open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => (open ? onClose() : onOpen())}
      >
        <AtSign size={14} strokeWidth={1.75} aria-hidden /> Element
      </button>
      {open && (
        <ul className="element-picker" role="listbox" id={listId} aria-label="Elements">
          {choices.length === 0 && <NoChoices query={query} />}
          {choices.map((choice, i) => (
            <li
              key={choiceKey(choice)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'element-picker__option element-picker__option--active' : 'element-picker__option'}
              onMouseDown={(e) => {
                e.preventDefault()
                onChoose(choice)
              }}
            >
              <ChoiceThumb choice={choice} />
              <span className="element-picker__name">{choice.name ? <NameMatch name={choice.name} query={query} /> : 'Unnamed element'}</span>
              <span className="element-picker__meta tabular">{choiceMeta(choice)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

const choiceKey = (choice: ElementChoice): string => (choice.kind === 'element' ? choice.element.id : `${choice.kind}-${choice.n}`)
const choiceMeta = (choice: ElementChoice): string => (choice.kind === 'element' && !choice.attached ? 'attach' : choice.kind === 'video' ? 'video' : `@${choice.n}`)

function ChoiceThumb({ choice }: { choice: ElementChoice }) {
  const assetId = choice.kind === 'element' ? choice.element.frontalAssetId : choice.kind === 'image' ? choice.assetId : null
  return (
    <span className="element-chip__thumb">
      {assetId ? <AssetThumb assetId={assetId} /> : choice.kind === 'video' && <Film size={12} strokeWidth={2} aria-hidden />}
    </span>
  )
}

function NoChoices({ query }: { query: string }) {
  return (
    <li className={query ? 'element-picker__empty element-picker__empty--no-match' : 'element-picker__empty'} role="option" aria-selected={false} aria-disabled>
      {query ? (
        <>
          <span>No element named “{query}”</span>
          <span>Create one in the Elements panel.</span>
        </>
      ) : (
        'No elements yet — create one in the Elements panel.'
      )}
    </li>
  )
}

/** The name with the part the query matched marked, so the user sees why an element is listed. */
function NameMatch({ name, query }: { name: string; query: string }) {
  const lower = name.toLocaleLowerCase()
  const start = query ? lower.indexOf(query.toLocaleLowerCase()) : -1
  // Lower-casing can change a name's length (İ), and then the indexes would not line up with the name.
  if (start < 0 || lower.length !== name.length) return name
  const end = start + query.length
  return (
    <>
      {name.slice(0, start)}
      <mark className="element-picker__match">{name.slice(start, end)}</mark>
      {name.slice(end)}
    </>
  )
}
