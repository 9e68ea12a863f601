import { ArrowDown, ArrowUp, Link2, Trash2, Unlink2, User } from 'lucide-react'
import { memo, useState } from 'react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import type { Element } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'
import { useNearViewport } from '../../../ui/use-near-viewport'
import { ImageSlot } from '../../assets/image-drop/ImageSlot'
import { SaveToLibraryButton } from '../library/SaveToLibraryButton'
import { removeReference, setReferences } from './element-actions'

type Props = { element: Element; clipId: string | null; position: number | null; attachedCount: number }

/** Memoized: the panel lists every element, and typing in a prompt must not redraw a hundred cards. */
export const ElementCard = memo(function ElementCard({ element, clipId, position, attachedCount }: Props) {
  const edit = useStore((s) => s.edit)
  const [draft, setDraft] = useState<string | null>(null)
  const [observe, near, reveal] = useNearViewport()
  const name = element.name || 'Unnamed element'
  const update = (patch: Partial<Pick<Element, 'name' | 'frontalAssetId' | 'referenceAssetIds'>>) =>
    edit({ type: 'updateElement', elementId: element.id, patch })
  const move = (delta: number) => clipId && position !== null && edit({ type: 'moveClipElement', clipId, elementId: element.id, toIndex: position + delta })

  // A shell below a scrolled panel never meets the viewport; Tab reaching it fills it in, so the keyboard gets in.
  if (!near) return <article ref={observe} className="element-card element-card--pending" aria-label={`Element ${name}`} tabIndex={0} onFocus={reveal} />
  return (
    <article className="element-card" aria-label={`Element ${name}`}>
      <ImageSlot
        className="element-card__frontal"
        label={`Frontal image of ${name}`}
        dropLabel="Drop as frontal image"
        assetId={element.frontalAssetId}
        onAssets={(assets) => assets[0] && update({ frontalAssetId: assets[0].id })}
        onClear={() => update({ frontalAssetId: null })}
        empty={
          <span className="element-card__frontal-empty">
            <User size={18} strokeWidth={1.75} aria-hidden />
            Add a frontal image
          </span>
        }
      />
      <div className="element-card__main">
        <div className="element-card__title-row">
          {position !== null && <span className="pill pill--accent tabular" title="Its number in this clip's prompts">@{position + 1}</span>}
          <input
            className="element-card__name"
            aria-label={`Name of ${name}`}
            value={draft ?? element.name}
            maxLength={200}
            onFocus={() => setDraft(element.name)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => {
              if (draft !== null && draft.trim() && draft !== element.name) update({ name: draft.trim() })
              setDraft(null)
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </div>
        <div className="element-card__refs">
          {Array.from({ length: apiRules.maxReferenceImagesPerElement }, (_, i) => (
            <ImageSlot
              key={i}
              className="element-card__ref"
              label={`Reference image ${i + 1} of ${name}`}
              dropLabel="Drop"
              assetId={element.referenceAssetIds[i] ?? null}
              onAssets={(assets) => setReferences(element, i, assets)}
              onClear={() => removeReference(element, i)}
              empty={<span className="element-card__ref-plus">+</span>}
            />
          ))}
        </div>
        <div className="element-card__actions">
          {clipId && position === null && (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => edit({ type: 'attachElement', clipId, elementId: element.id })}>
              <Link2 size={14} strokeWidth={1.75} aria-hidden /> Use in clip
            </button>
          )}
          {clipId && position !== null && (
            <>
              <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Move ${name} earlier`} aria-disabled={position === 0} onClick={() => position > 0 && move(-1)}>
                <ArrowUp size={14} strokeWidth={1.75} aria-hidden />
              </button>
              <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Move ${name} later`} aria-disabled={position >= attachedCount - 1} onClick={() => position < attachedCount - 1 && move(1)}>
                <ArrowDown size={14} strokeWidth={1.75} aria-hidden />
              </button>
              <button type="button" className="btn btn--ghost btn--small" onClick={() => edit({ type: 'detachElement', clipId, elementId: element.id })}>
                <Unlink2 size={14} strokeWidth={1.75} aria-hidden /> Detach
              </button>
            </>
          )}
          <SaveToLibraryButton element={element} />
          <button type="button" className="btn btn--ghost btn--icon btn--small element-card__delete" aria-label={`Delete ${name}`} onClick={() => edit({ type: 'removeElement', elementId: element.id })}>
            <Trash2 size={14} strokeWidth={1.75} aria-hidden />
          </button>
        </div>
      </div>
    </article>
  )
})
