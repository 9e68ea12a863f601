import { Trash2 } from 'lucide-react'
import { ITEM_GAIN_DB, type AudioItem } from '../../../../../shared/domain/audio-schema'
import { itemFilmStart, placeItem } from '../../../../../shared/audio/mix-plan'
import { useStore } from '../../../store/store'
import { selectAudioItem } from './audio-lanes-store'
import { clipSpansOf } from './lane-geometry'
import { NumberField } from './NumberField'

/** The selected lane item's gain, fades and anchoring, and Delete. */
export function ItemControls({ item }: { item: AudioItem }) {
  const clips = useStore((s) => s.doc?.clips ?? [])
  const update = (patch: Partial<Omit<AudioItem, 'id' | 'audioId'>>): void => useStore.getState().edit({ type: 'updateAudioItem', itemId: item.id, patch })
  const anchoredTo = item.anchor ? clips.findIndex((clip) => clip.id === item.anchor!.clipId) : -1
  const setAnchor = (followsClip: boolean): void => {
    const spans = clipSpansOf(clips)
    update(placeItem(itemFilmStart(item, spans), followsClip, spans))
  }
  return (
    <div className="sound-bar__item" role="group" aria-label="Selected sound">
      <NumberField label="Gain" unit="dB" value={item.gainDb} min={ITEM_GAIN_DB.min} max={ITEM_GAIN_DB.max} onCommit={(gainDb) => update({ gainDb })} testId="item-gain" />
      <NumberField label="Fade in" unit="s" value={item.fadeInSeconds} min={0} max={item.durationSeconds} step={0.1} onCommit={(fadeInSeconds) => update({ fadeInSeconds })} testId="item-fade-in" />
      <NumberField label="Fade out" unit="s" value={item.fadeOutSeconds} min={0} max={item.durationSeconds} step={0.1} onCommit={(fadeOutSeconds) => update({ fadeOutSeconds })} testId="item-fade-out" />
      <label className="sound-field">
        <span className="sound-field__label">Stays with</span>
        <select className="sound-field__select" value={item.anchor ? 'clip' : 'film'} onChange={(e) => setAnchor(e.target.value === 'clip')} title="Follow a clip when clips move or change length, or keep its time in the film">
          <option value="film">the film's time</option>
          <option value="clip">{anchoredTo >= 0 ? `clip ${anchoredTo + 1}` : 'its clip'}</option>
        </select>
      </label>
      <button
        type="button"
        className="btn btn--ghost btn--icon btn--small"
        aria-label="Remove this sound from the lane"
        title="Remove (Delete)"
        onClick={() => {
          useStore.getState().edit({ type: 'removeAudioItem', itemId: item.id })
          selectAudioItem(null)
        }}
      >
        <Trash2 size={14} strokeWidth={1.75} aria-hidden />
      </button>
    </div>
  )
}
