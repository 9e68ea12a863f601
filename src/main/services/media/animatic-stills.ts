import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { CutAnimaticEntry } from '../../../shared/cut/cut-plan'
import type { FilmFormat } from '../../../shared/cut/film-format'
import { containedPath } from '../disk/contained-file'
import { renderTitleCard } from './title-card'

/** Where the project's images are: the film source, or a session. */
type StillSource = { readonly dir: string; assetPath(assetId: string): string }

/**
 * The image an animatic clip holds: its first-frame image when it has one on disk, otherwise a title card with its
 * number, title and prompt, written into `workDir`. ffmpeg reads the image by path, so it gets one only once the
 * containment check has passed; a link or special file in its place refuses the export.
 */
export async function animaticStill(entry: CutAnimaticEntry, format: FilmFormat, source: StillSource, workDir: string): Promise<string> {
  if (entry.firstFrameAssetId !== null) {
    const image = firstFrameIfPresent(source, entry.firstFrameAssetId)
    const checked = image === null ? null : await containedPath(source.dir, image).catch(nullIfMissing)
    if (checked !== null) return checked
  }
  const card = path.join(workDir, `card-${entry.clipNumber}.png`)
  await fs.writeFile(card, await renderTitleCard(entry, format.width, format.height))
  return card
}

function firstFrameIfPresent(source: StillSource, assetId: string): string | null {
  try {
    return source.assetPath(assetId)
  } catch {
    // The clip names an image the project no longer has; the title card stands in for it.
    return null
  }
}

const nullIfMissing = (cause: NodeJS.ErrnoException): null => {
  if (cause.code === 'ENOENT') return null
  throw cause
}
