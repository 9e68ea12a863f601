import { FileAudio } from 'lucide-react'
import { DIALOGUE_DB, defaultMix, type LoudnessTarget } from '../../../../../shared/domain/audio-schema'
import { selectClipIndex } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useLaneSelection } from './audio-lanes-store'
import { NumberField } from './NumberField'
import { ItemControls } from './ItemControls'

/**
 * The sound lanes' toolbar: Add sound… (the OS dialog), the takes' own level (all clips, and the selected clip on
 * top), the export's loudness target, and the selected item's controls. Without lanes (`empty`) it is all there is
 * of them, and says that sound can be dropped on it.
 */
export function SoundBar({ onImport, empty }: { onImport: () => void; empty: boolean }) {
  const mix = useStore((s) => s.doc?.mix) ?? defaultMix
  const clipId = useStore((s) => s.selectedClipId)
  const clipNumber = useStore((s) => (s.selectedClipId === null ? -1 : selectClipIndex(s.selectedClipId)(s)) + 1)
  const itemId = useLaneSelection((s) => s.itemId)
  const item = mix.lanes.flatMap((lane) => lane.items).find((candidate) => candidate.id === itemId)
  const edit = useStore((s) => s.edit)
  return (
    <div className="sound-bar">
      <span className="caps-label">Sound</span>
      <button type="button" className="btn btn--small" onClick={onImport} title="Import music or voice-over onto the lanes">
        <FileAudio size={14} strokeWidth={1.75} aria-hidden />
        Add sound…
      </button>
      {empty && <span className="sound-bar__hint">or drop music or voice-over here (WAV, MP3, AAC, FLAC, OGG)</span>}
      <NumberField label="Takes’ sound" unit="dB" value={mix.dialogueDb} min={DIALOGUE_DB.min} max={DIALOGUE_DB.max} onCommit={(dialogueDb) => edit({ type: 'setMixLevels', patch: { dialogueDb } })} testId="dialogue-db" />
      {clipId && clipNumber > 0 && (
        <NumberField label={`clip ${clipNumber}`} unit="dB" value={mix.clipDialogueDb[clipId] ?? 0} min={DIALOGUE_DB.min} max={DIALOGUE_DB.max} onCommit={(db) => edit({ type: 'setClipDialogue', clipId, db })} testId="clip-dialogue-db" />
      )}
      <label className="sound-field" title="Export film levels the film's sound to this loudness (EBU R128)">
        <span className="sound-field__label">Loudness</span>
        <select className="sound-field__select" value={mix.loudness} onChange={(e) => edit({ type: 'setMixLevels', patch: { loudness: e.target.value as LoudnessTarget } })}>
          <option value="web">Web −16 LUFS</option>
          <option value="broadcast">Broadcast −23 LUFS</option>
        </select>
      </label>
      {item && <ItemControls item={item} />}
    </div>
  )
}
