import { BookUser, Plus, Search, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { mediaPaths } from '../../../../../shared/media-paths'
import { mediaUrl } from '../../../ipc/media-url'
import { insertFromLibrary, loadLibrary, removeFromLibrary } from './library-actions'
import { useLibraryStore } from './library-store'
import './library.css'

/** Characters saved app-wide, to insert into this project; their images are copied in, so the project stays whole. */
export function LibraryPanel() {
  const characters = useLibraryStore((s) => s.characters)
  const [query, setQuery] = useState('')
  useEffect(() => {
    if (characters === null) void loadLibrary()
  }, [characters])
  const shown = (characters ?? []).filter((character) => character.name.toLowerCase().includes(query.trim().toLowerCase()))

  return (
    <section className="panel-section library-panel" aria-label="Character library">
      <div className="panel-heading">
        <span className="caps-label">Library</span>
        <span className="tabular library-panel__count">{characters?.length ?? 0}</span>
      </div>
      <div className="panel-section__body">
        {characters !== null && characters.length === 0 && (
          <p className="library-panel__empty">
            <BookUser size={14} strokeWidth={1.75} aria-hidden /> Save an element with its bookmark button to reuse it in every project.
          </p>
        )}
        {characters !== null && characters.length > 0 && (
          <label className="library-panel__search">
            <Search size={14} strokeWidth={1.75} aria-hidden />
            <input className="input" type="search" placeholder="Search characters" aria-label="Search the library" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
        )}
        <ul className="library-panel__list">
          {shown.map((character) => (
            <li key={character.id} className="library-card" aria-label={`Library character ${character.name}`}>
              {character.frontal ? (
                <img className="library-card__thumb" src={mediaUrl(mediaPaths.libraryThumbnail(character.frontal.id))} alt="" />
              ) : (
                <span className="library-card__thumb" />
              )}
              <span className="library-card__name">{character.name}</span>
              <span className="library-card__refs tabular">{character.references.length} ref</span>
              <button type="button" className="btn btn--small" onClick={() => void insertFromLibrary(character)}>
                <Plus size={12} strokeWidth={2} aria-hidden /> Insert
              </button>
              <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Remove ${character.name} from the library`} onClick={() => void removeFromLibrary(character)}>
                <Trash2 size={14} strokeWidth={1.75} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        {characters !== null && characters.length > 0 && shown.length === 0 && <p className="library-panel__empty">No character matches “{query}”.</p>}
      </div>
    </section>
  )
}
