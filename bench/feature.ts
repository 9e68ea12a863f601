import { closeBrowser } from '../test/e2e/harness'
import { heapFigure, keystrokeFigure, smallProjectReference } from './browser'
import { openBenchPage } from './browser/bench-page'
import { typeIntoPrompt } from './browser/edit-prompt'
import { ensureRendererBuild } from './browser/ensure-build'
import { measureMemoryAndImages, openFromWelcome, type OpenRound } from './browser/open-timeline'
import { FEATURE_STORYBOARD, writeStoryboard, type Storyboard } from './fixtures/storyboard-project'
import { areaOf, goalOf } from './lib/goals'
import { figure, notMeasured, type Figure } from './lib/report'
import { median, round } from './lib/stats'
import { benchSave } from './save'

const OPEN_ROUNDS = 3

/**
 * Issue 26, feature-film scale: the 3,000-clip project (6,000 images, 500 elements, 1,500 takes). Saving in the
 * main process, then in the e2e harness: opening from the welcome screen on fresh pages, and on the last one the
 * renderer heap and typing into clip 1,500's prompt, beside the same typing in the 3-clip project before and after.
 */
export async function benchFeature(log: (line: string) => void, options: { rebuild: boolean }): Promise<Figure[]> {
  log('feature: writing the 3,000-clip project (the first run draws up to 6,000 images, about 15 s per 1,000 on a quiet machine)…')
  const storyboard = await writeStoryboard(FEATURE_STORYBOARD)
  const figures: Figure[] = []
  const step = async (ids: string[], work: () => Promise<Figure[]>) => {
    try {
      figures.push(...(await work()))
    } catch (error) {
      log(`feature: ${ids.join(', ')} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      figures.push(...ids.map((id) => notMeasured({ id, area: areaOf(id), goal: goalOf(id), unit: '', method: 'feature' }, `failed: ${String(error)}`)))
    }
  }
  try {
    await step(['save.median3000'], async () => [await benchSave(storyboard, log, 'save.median3000')])
    const { builtAt } = ensureRendererBuild(log, options.rebuild)
    try {
      await step(['open.paint3000', 'save.heap3000', 'edit.keystroke3000'], () => browserFigures(storyboard, builtAt, log))
    } finally {
      await closeBrowser()
    }
  } finally {
    await storyboard.dispose()
  }
  return figures
}

async function browserFigures(storyboard: Storyboard, builtAt: string, log: (line: string) => void): Promise<Figure[]> {
  const before = await smallProjectReference(log)
  const rounds: OpenRound[] = []
  const figures: Figure[] = []
  for (let i = 0; i < OPEN_ROUNDS; i++) {
    log(`feature: opening the 3,000-clip project from the welcome screen (round ${i + 1} of ${OPEN_ROUNDS})…`)
    const bench = await openBenchPage(storyboard)
    try {
      rounds.push(await openFromWelcome(bench, storyboard))
      if (i < OPEN_ROUNDS - 1) continue
      log('feature: renderer heap with every thumbnail shown…')
      figures.push(heapFigure('save.heap3000', await measureMemoryAndImages(bench, storyboard)))
      log('feature: typing into clip 1,500’s prompt…')
      const edit = await typeIntoPrompt(bench, 1500)
      const after = await smallProjectReference(log)
      figures.push(keystrokeFigure('edit.keystroke3000', edit, [before, after], 1.2))
    } finally {
      await bench.close()
    }
  }
  return [openFigure(storyboard, rounds, builtAt), ...figures]
}

function openFigure(storyboard: Storyboard, rounds: OpenRound[], builtAt: string): Figure {
  const { project } = storyboard
  return figure(
    {
      id: 'open.paint3000',
      area: 'open',
      goal: goalOf('open.paint3000'),
      measured: round(median(rounds.map((r) => r.clickToPaintMs)), 0),
      unit: 'ms',
      method: 'as open.paint, on a project of 3,000 clips, 6,000 images, 500 elements and 1,500 takes; median over fresh pages',
      details: {
        clips: project.clips.length,
        images: project.assets.length,
        elements: project.elements.length,
        takes: project.takes.length,
        rounds: rounds.map((r) => ({
          clickToPaintMs: round(r.clickToPaintMs, 0),
          clickToTimelineInDomMs: round(r.clickToDomMs, 0),
          projectOpenReplyMs: r.openReplyMs === null ? null : round(r.openReplyMs, 0),
          projectOpenMainMs: r.openMainMs === null ? null : round(r.openMainMs, 0),
          projectOpenViaChildMs: r.openViaChildMs === null ? null : round(r.openViaChildMs, 0),
          allThumbnailsShownMs: r.thumbnailsSettledMs === null ? null : round(r.thumbnailsSettledMs, 0),
        })),
        domAfterOpen: rounds.at(-1)?.domCensus,
        rendererBuiltAt: builtAt,
      },
    },
    { max: 1500 },
  )
}
