import { useState, type FormEvent } from 'react'
import { createProject } from '../../app/project-actions'
import { Dialog } from '../../ui/Dialog'

/** File → New project…: names the project, then opens it in place of the current one (which is saved). */
export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    const opened = await createProject(name.trim())
    if (opened) onClose()
    else setBusy(false)
  }

  return (
    <Dialog title="New project" onClose={onClose} width={420}>
      <form className="dialog-section" onSubmit={(e) => void submit(e)}>
        <label className="caps-label" htmlFor="file-menu-project-name">Project name</label>
        <input
          id="file-menu-project-name"
          className="input"
          autoFocus
          value={name}
          maxLength={120}
          placeholder="e.g. Rainy Tokyo teaser"
          onChange={(e) => setName(e.target.value)}
        />
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
