import { ArrowLeft, ArrowRight, ImagePlus } from 'lucide-react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import type { Clip } from '../../../../../shared/domain/project'
import { selectSelectedClip } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { FieldIssues } from '../../clip-editor/validation/FieldIssues'
import { useClipValidation } from '../../clip-editor/validation/use-clip-validation'
import { ImageSlot } from '../../assets/image-drop/ImageSlot'
import { addReferenceImages, fullMessage, moveReferenceImage, removeReferenceImage } from './reference-image-actions'
import './reference-images.css'

/** Rules the panel shows beside the images: each image's own, and the endpoint's shared limit. */
const SHOWN_HERE = /^(images_and_elements_limit|video_images_and_elements_limit|image_token_out_of_range)$/

/**
 * Scene and style images of the selected clip (reference-to-video): dropped from the OS or the bin, named in its
 * prompts as chips (`<<<image_N>>>`, numbered in this order). A clip without any goes to text-to-video.
 */
export function ReferenceImagesPanel() {
  const clip = useStore(selectSelectedClip)
  const issues = useClipValidation(clip)
  if (!clip) return null
  const ids = clip.referenceImageIds ?? []
  const frames = [clip.firstFrameAssetId, clip.lastFrameAssetId].filter((id) => id !== null).length
  const used = ids.length + clip.elementIds.length + frames
  const shown = issues.filter((issue) => issue.path.startsWith('referenceImages') || SHOWN_HERE.test(issue.rule))
  return (
    <section className="panel-section reference-images" aria-label="Reference images">
      <div className="panel-heading">
        <span className="caps-label">Reference images</span>
        <span
          className={used > apiRules.maxImagesAndElements ? 'reference-images__count reference-images__count--over tabular' : 'reference-images__count tabular'}
          title="Reference images, elements and frame images together: Kling takes at most 7"
        >
          {used} / {apiRules.maxImagesAndElements}
        </span>
      </div>
      <div className="panel-section__body">
        <ul className="reference-images__list" aria-label="Reference images of this clip">
          {ids.map((assetId, i) => (
            <ReferenceImage key={assetId} clip={clip} assetId={assetId} index={i} count={ids.length} />
          ))}
          {ids.length < apiRules.maxClipReferenceImages && (
            <li>
              <ImageSlot
                className="reference-images__slot"
                label="Add a reference image"
                dropLabel="Drop as reference"
                assetId={null}
                onAssets={(assets) => !addReferenceImages(clip, assets) && useStore.getState().pushToast({ tone: 'warning', message: fullMessage })}
                empty={<ImagePlus size={18} strokeWidth={1.75} aria-hidden />}
              />
            </li>
          )}
        </ul>
        {ids.length === 0 && <p className="reference-images__hint">Drop scene or style images here, then name them in the prompt with @. With elements and frames, at most 7.</p>}
        <FieldIssues issues={shown} />
      </div>
    </section>
  )
}

function ReferenceImage({ clip, assetId, index, count }: { clip: Clip; assetId: string; index: number; count: number }) {
  const n = index + 1
  return (
    <li className="reference-images__item">
      <ImageSlot
        className="reference-images__slot"
        label={`Reference image ${n}`}
        dropLabel="Drop to add"
        assetId={assetId}
        onAssets={(assets) => !addReferenceImages(clip, assets) && useStore.getState().pushToast({ tone: 'warning', message: fullMessage })}
        onClear={() => removeReferenceImage(clip, assetId)}
        empty={null}
      />
      <div className="reference-images__tools">
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Move reference image ${n} earlier`} aria-disabled={index === 0} onClick={() => moveReferenceImage(clip, assetId, -1)}>
          <ArrowLeft size={12} strokeWidth={2} aria-hidden />
        </button>
        <span className="reference-images__n tabular">image {n}</span>
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Move reference image ${n} later`} aria-disabled={index === count - 1} onClick={() => moveReferenceImage(clip, assetId, 1)}>
          <ArrowRight size={12} strokeWidth={2} aria-hidden />
        </button>
      </div>
    </li>
  )
}
