import { Clapperboard, Download } from 'lucide-react'
import { useEffect } from 'react'
import { useStore } from '../../store/store'
import { ExportFilmDialog } from './ExportFilmDialog'
import { closeExportDialog, openExportDialog, openFilmPlayer, useFilmStore } from './film-store'

/** "Play film" and "Export film…" in the title bar; the export dialog lives here too, so mounting is one line. */
export function FilmActions() {
  const hasClips = useStore((s) => (s.doc?.clips.length ?? 0) > 0)
  const exportOpen = useFilmStore((s) => s.exportOpen)
  const why = hasClips ? undefined : 'Add a clip first'
  useEffect(() => closeExportDialog, [])
  return (
    <span className="film-actions">
      <button type="button" className="btn btn--ghost btn--small" aria-disabled={!hasClips} title={why ?? 'Watch the whole cut, takes and animatic'} onClick={() => hasClips && void openFilmPlayer()}>
        <Clapperboard size={16} strokeWidth={1.75} aria-hidden />
        Play film
      </button>
      <button type="button" className="btn btn--ghost btn--small" aria-disabled={!hasClips} title={why ?? 'Export the cut as one MP4'} onClick={() => hasClips && openExportDialog()}>
        <Download size={16} strokeWidth={1.75} aria-hidden />
        Export film…
      </button>
      {exportOpen && <ExportFilmDialog />}
    </span>
  )
}
