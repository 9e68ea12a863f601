import { Clock, Film, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { RecentProject } from '../../../../shared/ipc/contract'
import { openProjectAt } from '../../app/project-actions'
import { call } from '../../ipc/client'
import { formatRelativeTime, shortenPath } from '../../ui/format'
import { ProjectTile } from './ProjectTile'

export function RecentProjects() {
  const [recent, setRecent] = useState<RecentProject[] | null>(null)
  useEffect(() => {
    let live = true
    void call('project:recent', {}).then((list) => live && setRecent(list ?? []))
    return () => {
      live = false
    }
  }, [])

  async function forget(path: string) {
    const list = await call('project:forgetRecent', { path })
    if (list) setRecent(list)
  }

  return (
    <section className="welcome__recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="caps-label welcome__section-title">
        <Clock size={12} strokeWidth={2} aria-hidden /> Recent projects
      </h2>
      {recent !== null && recent.length === 0 && (
        <div className="welcome__empty">
          <Film size={22} strokeWidth={1.5} aria-hidden />
          <p>No recent projects yet</p>
          <p className="welcome__empty-hint">Create one, or open the sample to see how a storyboard comes together.</p>
        </div>
      )}
      <ul className="recent-list">
        {(recent ?? []).map((project) => (
          <li key={project.path} className="recent-item">
            <button type="button" className="recent-item__open" onClick={() => void openProjectAt(project.path)}>
              <ProjectTile project={project} />
              <span className="recent-item__text">
                <span className="recent-item__name">{project.name}</span>
                <span className="recent-item__path" title={project.path}>{shortenPath(project.path)}</span>
              </span>
              <span className="recent-item__meta tabular">
                {project.clipCount !== undefined && <span>{project.clipCount} {project.clipCount === 1 ? 'clip' : 'clips'}</span>}
                <span>{formatRelativeTime(project.openedAt)}</span>
              </span>
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--icon recent-item__forget"
              aria-label={`Remove ${project.name} from recent projects`}
              title="Remove from list"
              onClick={() => void forget(project.path)}
            >
              <X size={14} strokeWidth={1.75} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
