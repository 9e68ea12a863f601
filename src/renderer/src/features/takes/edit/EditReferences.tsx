import { ImagePlus, X } from 'lucide-react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import { selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { AssetThumb } from '../../assets/bin/AssetThumb'
import { ImageSlot } from '../../assets/image-drop/ImageSlot'
import { FieldIssues } from '../../clip-editor/validation/FieldIssues'
import type { ValidationIssue } from '../../../../../shared/domain/validation-issue'

type Props = {
  issues: readonly ValidationIssue[]
  imageIds: readonly string[]
  elementIds: readonly string[]
  onImages: (ids: string[]) => void
  onElements: (ids: string[]) => void
}

/**
 * An edit's own reference images and elements (≤ 4 together with a video): images dropped or picked here, elements
 * added from the instruction's @ picker; each is named in the instruction by its chip.
 */
export function EditReferences({ issues, imageIds, elementIds, onImages, onElements }: Props) {
  const elements = useStore(selectElements)
  const used = imageIds.length + elementIds.length
  const limit = apiRules.maxImagesAndElementsWithVideo
  return (
    <div className="field edit-refs">
      <div className="field__row">
        <span className="caps-label" id="edit-refs-label">Reference images and elements</span>
        <span className={used > limit ? 'edit-refs__count edit-refs__count--over tabular' : 'edit-refs__count tabular'}>
          {used} / {limit} with a video
        </span>
      </div>
      <ul className="edit-refs__list" aria-labelledby="edit-refs-label">
        {imageIds.map((assetId, i) => (
          <li key={assetId}>
            <ImageSlot
              className="edit-refs__slot"
              label={`Edit reference image ${i + 1}`}
              dropLabel="Drop to add"
              assetId={assetId}
              onAssets={(assets) => onImages([...new Set([...imageIds, ...assets.map((a) => a.id)])])}
              onClear={() => onImages(imageIds.filter((id) => id !== assetId))}
              empty={null}
            />
          </li>
        ))}
        {used < limit && (
          <li>
            <ImageSlot
              className="edit-refs__slot"
              label="Add a reference image to the edit"
              dropLabel="Drop as reference"
              assetId={null}
              onAssets={(assets) => onImages([...new Set([...imageIds, ...assets.map((a) => a.id)])].slice(0, apiRules.maxClipReferenceImages))}
              empty={<ImagePlus size={16} strokeWidth={1.75} aria-hidden />}
            />
          </li>
        )}
        {elementIds.map((elementId, i) => {
          const element = elements.find((e) => e.id === elementId)
          const name = element?.name || `Element ${i + 1}`
          return (
            <li key={elementId} className="element-chip edit-refs__element">
              <span className="element-chip__thumb">{element?.frontalAssetId && <AssetThumb assetId={element.frontalAssetId} />}</span>
              <span className="element-chip__name">{name}</span>
              <button type="button" className="btn btn--ghost btn--icon edit-refs__remove" aria-label={`Remove ${name} from the edit`} onClick={() => onElements(elementIds.filter((id) => id !== elementId))}>
                <X size={12} strokeWidth={2} aria-hidden />
              </button>
            </li>
          )
        })}
      </ul>
      <FieldIssues issues={issues} />
      <p className="field__hint">Type @ in the instruction to name the video, an image or an element (choosing an element adds it).</p>
    </div>
  )
}
