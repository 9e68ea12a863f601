import { Dialog } from '../../ui/Dialog'
import { ProjectNameInput } from '../welcome/ProjectNameInput'
import { useCreateProject } from '../welcome/use-create-project'

/** File → New project…: names the project, then opens it in place of the current one (which is saved). */
export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const { name, setName, busy, submit } = useCreateProject(onClose)

  return (
    <Dialog title="New project" onClose={onClose} width={420}>
      <form className="dialog-section" onSubmit={(e) => void submit(e)}>
        <label className="caps-label" htmlFor="file-menu-project-name">Project name</label>
        <ProjectNameInput id="file-menu-project-name" value={name} onChange={setName} />
        <p className="empty-note">The current project is saved and closed; it stays in Open recent.</p>
        <div className="dialog-section__actions">
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn--primary" aria-disabled={!name.trim() || busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
