import { AtSign } from 'lucide-react'
import { AssetThumb } from '../assets/AssetThumb'
import type { ElementChoice } from './use-element-choices'

type Props = {
  listId: string
  choices: readonly ElementChoice[]
  open: boolean
  active: number
  onOpen: () => void
  onClose: () => void
  onChoose: (choice: ElementChoice) => void
}

/** Focus stays in the textarea while the list is open (aria-activedescendant), so typing never stalls. */
export function ElementPicker({ listId, choices, open, active, onOpen, onClose, onChoose }: Props) {
  return (
    <>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        aria-label="Insert element reference"
        title="Insert an element reference (or type @)"
        aria-expanded={open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => (open ? onClose() : onOpen())}
      >
        <AtSign size={14} strokeWidth={1.75} aria-hidden /> Element
      </button>
      {open && (
        <ul className="element-picker" role="listbox" id={listId} aria-label="Elements">
          {choices.length === 0 && (
            <li className="element-picker__empty" role="option" aria-selected={false} aria-disabled>
              No elements yet — create one in the Elements panel.
            </li>
          )}
          {choices.map((choice, i) => (
            <li
              key={choice.element.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'element-picker__option element-picker__option--active' : 'element-picker__option'}
              onMouseDown={(e) => {
                e.preventDefault()
                onChoose(choice)
              }}
            >
              <span className="element-chip__thumb">{choice.element.frontalAssetId && <AssetThumb assetId={choice.element.frontalAssetId} />}</span>
              <span className="element-picker__name">{choice.element.name || 'Unnamed element'}</span>
              <span className="element-picker__meta tabular">{choice.attached ? `@${choice.n}` : 'attach'}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
