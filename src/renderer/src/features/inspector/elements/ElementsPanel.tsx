import { Plus, UserRoundPlus } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { selectElements, selectSelectedClipElementIds, selectSelectedClipIdIfExists } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useImageDrop } from '../../assets/image-drop/use-image-drop'
import { ElementCard } from './ElementCard'
import { createElementFromAssets } from './element-actions'
import './elements.css'

export function ElementsPanel() {
  const elements = useStore(selectElements)
  const clipId = useStore(selectSelectedClipIdIfExists)
  const attachedIds = useStore(useShallow(selectSelectedClipElementIds))
  const { state, dropHandlers, privateUrlDialog } = useImageDrop(createElementFromAssets)
  const attached = attachedIds.flatMap((id) => elements.filter((e) => e.id === id))
  const library = elements.filter((e) => !attachedIds.includes(e.id))

  return (
    <section className="panel-section elements-panel" aria-label="Elements">
      <div className="panel-heading">
        <span className="caps-label">Elements</span>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => createElementFromAssets([])}>
          <Plus size={14} strokeWidth={1.75} aria-hidden /> New
        </button>
      </div>
      <div className="panel-section__body">
        <div
          className={['elements-drop', state.over && 'elements-drop--over', state.refusal && 'elements-drop--refused'].filter(Boolean).join(' ')}
          {...dropHandlers}
          aria-label="Create an element from images"
        >
          <UserRoundPlus size={16} strokeWidth={1.75} aria-hidden />
          <span>{state.over ? 'Drop to create an element' : state.busy ? 'Importing…' : 'Drop a frontal image and up to 3 references to create an element'}</span>
        </div>
        {state.refusal && <p className="field__error" role="alert">{state.refusal}</p>}
        {privateUrlDialog}
        {clipId && attached.length > 0 && <h3 className="caps-label elements-panel__group">In this clip</h3>}
        {attached.map((element, i) => (
          <ElementCard key={element.id} element={element} clipId={clipId} position={i} attachedCount={attached.length} />
        ))}
        {library.length > 0 && attached.length > 0 && <h3 className="caps-label elements-panel__group">Library</h3>}
        {library.map((element) => (
          <ElementCard key={element.id} element={element} clipId={clipId} position={null} attachedCount={attached.length} />
        ))}
      </div>
    </section>
  )
}
