import { defaultFilmCaptions, type FilmCaptions } from '../../../../shared/captions/film-captions-options'
import { useStore } from '../../store/store'
import { IntegerInput } from '../../ui/IntegerInput'
import { SegmentedControl } from '../../ui/SegmentedControl'

type Mode = 'none' | FilmCaptions['mode']
const modes: { value: Mode; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'soft', label: 'Subtitle track' },
  { value: 'burn', label: 'Burned in' },
]
const modeHints: Record<Mode, string> = {
  none: 'The film goes out without captions.',
  soft: 'A track players switch on and off (mov_text). The picture is not re-encoded.',
  burn: 'Drawn into the picture in Inter, for every player and every upload. The picture is re-encoded.',
}

/**
 * Export film's captions choice: none, a subtitle track, or burned in with a font, size, position and safe margin.
 * `value` null is none; without any caption line in the project the choice is off and says why.
 */
export function FilmCaptionsFields({ value, onChange }: { value: FilmCaptions | null; onChange: (next: FilmCaptions | null) => void }) {
  const hasLines = useStore((state) => state.doc?.clips.some((clip) => (clip.captions?.length ?? 0) > 0) ?? false)
  const mode: Mode = value?.mode ?? 'none'
  const style = value ?? defaultFilmCaptions
  const set = (patch: Partial<FilmCaptions>) => onChange({ ...style, ...patch })
  return (
    <fieldset className="film-export__captions" aria-describedby="film-captions-hint">
      <legend className="caps-label">Captions</legend>
      <SegmentedControl label="Captions" options={modes} value={hasLines ? mode : 'none'} disabled={!hasLines} onChange={(next) => onChange(next === 'none' ? null : { ...style, mode: next })} />
      <p id="film-captions-hint" className="film-export__option-hint">{hasLines ? modeHints[mode] : 'No clip has caption lines yet: add them in a clip’s Captions section.'}</p>
      {hasLines && mode === 'burn' && (
        <div className="film-export__burn">
          <span className="caps-label">Font</span>
          <SegmentedControl label="Caption font" options={[{ value: 'regular', label: 'Inter' }, { value: 'bold', label: 'Inter Bold' }]} value={style.font} onChange={(font) => set({ font })} />
          <span className="caps-label">Size</span>
          <SegmentedControl label="Caption size" options={[{ value: 'small', label: 'Small' }, { value: 'medium', label: 'Medium' }, { value: 'large', label: 'Large' }]} value={style.size} onChange={(size) => set({ size })} />
          <span className="caps-label">Position</span>
          <SegmentedControl label="Caption position" options={[{ value: 'bottom', label: 'Bottom' }, { value: 'top', label: 'Top' }]} value={style.position} onChange={(position) => set({ position })} />
          <label className="caps-label" htmlFor="film-caption-margin">Safe margin</label>
          <span className="film-export__margin">
            <IntegerInput id="film-caption-margin" className="input tabular" min={0} max={20} value={style.marginPercent} onCommit={(marginPercent) => set({ marginPercent })} /> % of the picture
          </span>
        </div>
      )}
    </fieldset>
  )
}
