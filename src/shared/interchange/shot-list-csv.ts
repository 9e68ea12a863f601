import { estimateClipCost } from '../domain/cost'
import type { Clip, Project } from '../domain/project'
import { takeNumberOf } from '../domain/take-numbers'
import type { Prices } from '../settings'
import { dialogueText } from '../script/beats'
import { encodeCsv } from './csv'
import { ELEMENT_SEPARATOR, shotListColumns, type ShotListColumn } from './shot-list-columns'

type Row = Record<ShotListColumn, string>

/**
 * The storyboard as a spreadsheet: one row per shot of a customize multi-shot clip, one row for any other clip.
 * Clip-wide columns repeat on every row so rows can be sorted and filtered; the cost sits on a clip's first row
 * only, so summing the column gives the film's estimate.
 */
export function writeShotListCsv(project: Pick<Project, 'clips' | 'takes' | 'assets' | 'elements'>, prices: Prices): string {
  const rows = project.clips.flatMap((clip, index) => clipRows(project, clip, index + 1, prices))
  return encodeCsv([[...shotListColumns], ...rows.map((row) => shotListColumns.map((column) => row[column]))])
}

function clipRows(project: Pick<Project, 'takes' | 'assets' | 'elements'>, clip: Clip, number: number, prices: Prices): Row[] {
  const assetName = (id: string | null) => (id === null ? '' : (project.assets.find((asset) => asset.id === id)?.originalName ?? ''))
  const take = clip.chosenTakeId === null ? undefined : project.takes.find((candidate) => candidate.id === clip.chosenTakeId)
  const clipWide = {
    Clip: String(number),
    Title: clip.title,
    'Clip duration (s)': String(clip.duration),
    'Negative prompt': clip.negativePrompt,
    Mode: clip.mode,
    'Aspect ratio': clip.aspectRatio,
    Sound: clip.sound,
    'Shot type': clip.multiShot ? clip.shotType : 'single',
    'First frame': assetName(clip.firstFrameAssetId),
    'Last frame': assetName(clip.lastFrameAssetId),
    Elements: clip.elementIds.map((id) => project.elements.find((element) => element.id === id)?.name ?? '').join(ELEMENT_SEPARATOR),
    Dialogue: dialogueText(clip.script?.dialogue ?? []),
    'Chosen take': take ? String(takeNumberOf(project.takes, take.id) ?? '') : '',
    'Take file': take?.files.find((file) => file.fileName !== null)?.fileName ?? '',
  }
  const cost = String(estimateClipCost(clip, prices))
  if (clip.multiShot && clip.shotType === 'customize' && clip.shots.length > 0) {
    return clip.shots.map((shot, index) => ({
      ...clipWide,
      Shot: String(index + 1),
      'Shot duration (s)': String(shot.duration),
      Prompt: shot.prompt,
      'Estimated cost (USD)': index === 0 ? cost : '',
    }))
  }
  return [{ ...clipWide, Shot: '', 'Shot duration (s)': String(clip.duration), Prompt: clip.prompt, 'Estimated cost (USD)': cost }]
}
