import { Link } from 'lucide-react'
import { useId, useState } from 'react'
import type { CheckedVideoUrl } from '../../../../../shared/domain/video-reference'
import { invoke } from '../../../ipc/client'
import { videoFactsWords } from './video-facts-words'
import './video-source.css'

type Props = {
  /** The link in use now, if the video already comes from one. */
  current: CheckedVideoUrl | null
  onChecked: (checked: CheckedVideoUrl) => void
  label?: string
}

/**
 * The user's own https link to a video (MuleRouter has no upload): it counts only once main has checked it for
 * type, size, length, frame size and frame rate; until then the old source stays.
 */
export function VideoUrlField({ current, onChecked, label = 'Video link (https)' }: Props) {
  const id = useId()
  const [url, setUrl] = useState(current?.url ?? '')
  const [state, setState] = useState<{ checking: boolean; error: string | null }>({ checking: false, error: null })

  async function check() {
    if (!url.trim() || state.checking) return
    setState({ checking: true, error: null })
    const result = await invoke('video:checkUrl', { url: url.trim() })
    if (!result.ok) return setState({ checking: false, error: `${result.error.message} ${result.error.hint}`.trim() })
    setState({ checking: false, error: null })
    onChecked(result.value)
  }

  return (
    <div className="field video-url">
      <label className="caps-label" htmlFor={id}>{label}</label>
      <div className="video-url__row">
        <input
          id={id}
          className="input video-url__input"
          type="url"
          inputMode="url"
          placeholder="https://… (.mp4 or .mov, 3–10 s)"
          value={url}
          aria-invalid={state.error !== null}
          aria-describedby={`${id}-status`}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            void check()
          }}
        />
        <button type="button" className="btn btn--small" aria-disabled={!url.trim() || state.checking} onClick={() => void check()}>
          <Link size={12} strokeWidth={2} aria-hidden /> {state.checking ? 'Checking…' : 'Check link'}
        </button>
      </div>
      <p id={`${id}-status`} className={state.error ? 'field__error' : 'field__hint'} role={state.error ? 'alert' : undefined}>
        {state.error ?? (current ? `In use: ${videoFactsWords(current.facts)}` : 'Omniboard never uploads a video for you; the link must already be online.')}
      </p>
    </div>
  )
}
