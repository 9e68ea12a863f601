import { Plus } from 'lucide-react'
import { useState } from 'react'
import { ProjectNameInput } from './ProjectNameInput'
import { useCreateProject } from './use-create-project'
import { useAppCommand } from '../commands/menu/local-commands'

/** "New project" asks for the name inline, so the first click never lands in a modal. */
export function NewProjectCard() {
  const [naming, setNaming] = useState(false)
  const { name, setName, busy, submit } = useCreateProject()
  useAppCommand('project:new', () => setNaming(true))

  if (!naming) {
    return (
      <button type="button" className="welcome-card welcome-card--primary" aria-label="New project" aria-describedby="new-project-subtitle" onClick={() => setNaming(true)}>
        <span className="welcome-card__icon welcome-card__icon--accent"><Plus size={18} strokeWidth={1.75} aria-hidden /></span>
        <span className="welcome-card__text">
          <span className="welcome-card__title">New project</span>
          <span id="new-project-subtitle" className="welcome-card__subtitle">Start an empty storyboard</span>
        </span>
      </button>
    )
  }
  return (
    <form className="welcome-card welcome-card--primary welcome-card--form" onSubmit={(e) => void submit(e)}>
      <label className="caps-label" htmlFor="new-project-name">Project name</label>
      <div className="welcome-card__form-row">
        <ProjectNameInput id="new-project-name" value={name} onChange={setName} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
        <button type="submit" className="btn btn--primary" aria-disabled={!name.trim() || busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
      </div>
    </form>
  )
}
