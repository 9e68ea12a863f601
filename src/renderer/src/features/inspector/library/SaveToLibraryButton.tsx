import { BookmarkPlus } from 'lucide-react'
import type { Element } from '../../../../../shared/domain/project'
import { saveToLibrary } from './library-actions'

export function SaveToLibraryButton({ element }: { element: Element }) {
  const name = element.name || 'this element'
  return (
    <button
      type="button"
      className="btn btn--ghost btn--icon btn--small"
      aria-label={`Save ${name} to the library`}
      title="Save to the character library, to reuse in other projects"
      disabled={element.frontalAssetId === null}
      onClick={() => void saveToLibrary(element)}
    >
      <BookmarkPlus size={14} strokeWidth={1.75} aria-hidden />
    </button>
  )
}
