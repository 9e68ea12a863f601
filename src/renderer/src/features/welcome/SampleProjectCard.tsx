import { Sparkles } from 'lucide-react'
import { openSampleProject } from '../../app/project-actions'

export function SampleProjectCard() {
  return (
    <button type="button" className="welcome-card welcome-card--sample" aria-label="Open the sample project" aria-describedby="sample-project-subtitle" onClick={() => void openSampleProject()}>
      <span className="welcome-sample__art" aria-hidden="true">
        <span className="welcome-sample__frame welcome-sample__frame--1" />
        <span className="welcome-sample__frame welcome-sample__frame--2" />
        <span className="welcome-sample__frame welcome-sample__frame--3" />
      </span>
      <span className="welcome-card__text">
        <span className="welcome-card__title">
          <Sparkles size={14} strokeWidth={1.75} aria-hidden /> Open the sample project
        </span>
        <span id="sample-project-subtitle" className="welcome-card__subtitle">A three-clip storyboard with frames, shots and an element to explore</span>
      </span>
    </button>
  )
}
