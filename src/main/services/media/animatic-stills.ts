import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { CutAnimaticEntry } from '../../../shared/cut/cut-plan'
import type { FilmFormat } from '../../../shared/cut/film-format'
import { renderTitleCard } from './title-card'

/**
 * The image an animatic clip holds: its first-frame image when it has one on disk, otherwise a title card with its
 * number, title and prompt, written into `workDir`.
 */
export async function animaticStill(entry: CutAnimaticEntry, format: FilmFormat, assetPath: (assetId: string) => string, workDir: string): Promise<string> {
  if (entry.firstFrameAssetId !== null) {
    const image = firstFrameIfPresent(assetPath, entry.firstFrameAssetId)
    if (image !== null && (await fs.access(image).then(() => true, () => false))) return image
  }
  const card = path.join(workDir, `card-${entry.clipNumber}.png`)
  await fs.writeFile(card, await renderTitleCard(entry, format.width, format.height))
  return card
}

function firstFrameIfPresent(assetPath: (assetId: string) => string, assetId: string): string | null {
  try {
    return assetPath(assetId)
  } catch {
    // The clip names an image the project no longer has; the title card stands in for it.
    return null
  }
}
