import { ChevronDown } from 'lucide-react'
import { selectClipCount, selectSelectionCount } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useMenu } from '../../ui/use-menu'
import { staleClipIds } from '../takes/stale/stale-selectors'
import { allClipIds, changedClipIds, generateMany, selectionToGenerate, SEVERAL_TAKES } from './generate-many'
import './generate-menu.css'

/** The Generate button's other choices: the selection, every clip, the clips changed since their take, or 3 takes. */
export function GenerateMenu() {
  const { open, setOpen, root, button, onKeyDown } = useMenu()
  const selected = useStore(selectSelectionCount)
  const all = useStore(selectClipCount)
  // Counted only while the menu is open: comparing every clip with its takes is too much for each store change.
  const changed = useStore((s) => (open ? staleClipIds(s).length : 0))

  function run(ids: () => string[], takesPerClip = 1) {
    setOpen(false)
    generateMany(ids(), takesPerClip)
  }

  return (
    <div ref={root} className="generate-menu" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="btn btn--primary btn--large generate-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More ways to generate"
        onClick={() => setOpen((o) => !o)}
      >
        <ChevronDown size={16} strokeWidth={1.75} aria-hidden />
      </button>
      {open && (
        <div className="generate-menu__list" role="menu" aria-label="Generate">
          <button type="button" role="menuitem" onClick={() => run(selectionToGenerate)}>
            Generate selected ({selected})
          </button>
          <button type="button" role="menuitem" onClick={() => run(allClipIds)}>
            Generate all ({all})
          </button>
          <button
            type="button"
            role="menuitem"
            aria-disabled={changed === 0}
            title={changed === 0 ? 'No clip has changed since its chosen take.' : 'Clips whose prompt, shots, frames, elements or settings differ from their chosen take'}
            onClick={() => changed > 0 && run(changedClipIds)}
          >
            Generate what changed ({changed})
          </button>
          <span className="generate-menu__separator" role="separator" />
          <button type="button" role="menuitem" onClick={() => run(selectionToGenerate, SEVERAL_TAKES)}>
            Generate {SEVERAL_TAKES} takes {selected > 1 ? `of each of ${selected} clips` : 'of this clip'}
          </button>
        </div>
      )}
    </div>
  )
}
