import { ImagePlus } from 'lucide-react'
import { memo } from 'react'
import { selectClipById } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { ImageSlot } from '../../assets/image-drop/ImageSlot'

type Props = { clipId: string; clipNumber: number; slot: 'first' | 'last'; assetId: string | null }

export const FrameSlot = memo(function FrameSlot({ clipId, clipNumber, slot, assetId }: Props) {
  const edit = useStore((s) => s.edit)
  const aspect = useStore((s) => selectClipById(clipId)(s)?.aspectRatio)
  const name = slot === 'first' ? 'First frame' : 'Last frame'
  const setFrame = (id: string | null) => edit({ type: 'setFrame', clipId, slot, assetId: id })
  return (
    <ImageSlot
      className={`tl-slot tl-slot--${slot}`}
      label={`${name} of clip ${clipNumber}`}
      dropLabel={`Drop as ${name.toLowerCase()}`}
      assetId={assetId}
      cropAspect={aspect}
      onAssets={(assets) => assets[0] && setFrame(assets[0].id)}
      onClear={() => setFrame(null)}
      empty={
        <>
          <ImagePlus size={16} strokeWidth={1.75} aria-hidden />
          <span className="tl-slot__name">{name}</span>
          <span className="tl-slot__hint">{slot === 'first' ? 'Drop an image to start from it' : 'Drop an image to end on it'}</span>
        </>
      }
    />
  )
})
