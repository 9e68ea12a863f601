import { FolderOpen, Keyboard, Settings } from 'lucide-react'
import { useStore } from '../../store/store'
import { chooseAndOpenProject } from '../../app/project-actions'
import { LogoMark } from '../../ui/LogoMark'
import { DemoBanner } from '../title-bar/DemoBanner'
import { NewProjectCard } from './NewProjectCard'
import { RecentProjects } from './RecentProjects'
import { SampleProjectCard } from './SampleProjectCard'
import './welcome.css'

export function WelcomeScreen() {
  const openDialog = useStore((s) => s.openDialog)
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__inner">
        <header className="welcome__brand">
          <LogoMark size={40} />
          <div>
            <h1 id="welcome-title" className="welcome__title">Omniboard</h1>
            <p className="welcome__tagline">Storyboard AI videos with Kling V3 Omni — shot by shot, take by take.</p>
          </div>
        </header>
        <DemoBanner />
        <div className="welcome__columns">
          <section className="welcome__start" aria-label="Start">
            <NewProjectCard />
            <button type="button" className="welcome-card welcome-card--action" aria-label="Open…" aria-describedby="open-project-subtitle" onClick={() => void chooseAndOpenProject()}>
              <span className="welcome-card__icon"><FolderOpen size={18} strokeWidth={1.75} aria-hidden /></span>
              <span className="welcome-card__text">
                <span className="welcome-card__title">Open…</span>
                <span id="open-project-subtitle" className="welcome-card__subtitle">An Omniboard project folder</span>
              </span>
            </button>
            <SampleProjectCard />
          </section>
          <RecentProjects />
        </div>
        <footer className="welcome__footer">
          <button type="button" className="btn btn--ghost btn--small" onClick={() => openDialog('settings')}>
            <Settings size={14} strokeWidth={1.75} aria-hidden /> Settings and API key
          </button>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => openDialog('help')}>
            <Keyboard size={14} strokeWidth={1.75} aria-hidden /> Keyboard shortcuts
          </button>
        </footer>
      </div>
    </main>
  )
}
