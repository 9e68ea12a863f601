import { closeBrowser } from '../test/e2e/harness'
import { SMALL_STORYBOARD, writeStoryboard, type Storyboard } from './fixtures/storyboard-project'
import { openBenchPage } from './browser/bench-page'
import { dragAcrossTimeline } from './browser/drag-clip'
import { benchFirstFrame } from './browser/media-first-frame'
import { openLargeProject } from './browser/open-large'
import { typeIntoPrompt, type EditResult } from './browser/edit-prompt'
import { ensureRendererBuild } from './browser/ensure-build'
import { measureMemoryAndImages, openFromWelcome, type MemoryAndImages, type OpenRound } from './browser/open-timeline'
import { areaOf, goalOf } from './lib/goals'
import { figure, notMeasured, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const OPEN_ROUNDS = 3

/**
 * The renderer goals, in the e2e harness: the production build in Chromium wired to the real main-process
 * handlers. Each round is a fresh page; the last one goes on to measure memory, typing and dragging.
 */
export async function benchBrowser(storyboard: Storyboard, log: (line: string) => void, options: { rebuild: boolean }): Promise<Figure[]> {
  const { builtAt } = ensureRendererBuild(log, options.rebuild)
  const rounds: OpenRound[] = []
  const figures: Figure[] = []
  try {
    const reference = await smallProjectReference(log)
    for (let i = 0; i < OPEN_ROUNDS; i++) {
      log(`browser: opening the project from the welcome screen (round ${i + 1} of ${OPEN_ROUNDS})…`)
      const bench = await openBenchPage(storyboard)
      try {
        rounds.push(await openFromWelcome(bench, storyboard))
        if (i < OPEN_ROUNDS - 1) continue
        // One step failing (a changed label, say) leaves the other steps' figures standing.
        const step = async (what: string, ids: string[], work: () => Promise<Figure[]>) => {
          log(`browser: ${what}…`)
          try {
            figures.push(...(await work()))
          } catch (error) {
            log(`browser: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
            const missing = (id: string) => notMeasured({ id, area: areaOf(id), goal: goalOf(id), unit: '', method: what }, `failed: ${String(error)}`)
            figures.push(...ids.map(missing))
          }
        }
        const memory = async () => memoryFigures(await measureMemoryAndImages(bench, storyboard))
        await step('heap and thumbnail bytes', ['save.heap', 'save.thumbnails'], memory)
        await step('typing into clip 150’s prompt', ['edit.keystroke', 'edit.components'], async () => {
          const edit = await typeIntoPrompt(bench)
          // The 3-clip typing again right after, so the ratio is taken against both sides of it: on a shared
          // 2-core machine a single reference minutes earlier moved the ratio by ±0.1 from run to run.
          const after = await smallProjectReference(log)
          return editFigures(edit, [reference, after])
        })
        await step('dragging clip 2 across the timeline', ['drag.fps'], async () => [dragFigure(await dragAcrossTimeline(bench))])
        const errors = bench.harness.pageLogs.filter((line) => line.startsWith('pageerror'))
        if (errors.length > 0) log(`browser: the page reported errors: ${errors.slice(0, 3).join(' | ')}`)
      } finally {
        await bench.close()
      }
    }
    figures.unshift(openFigure(rounds, builtAt, reference))
    const threeHundredClipMs = rounds.length > 0 ? round(median(rounds.map((r) => r.clickToPaintMs)), 0) : null
    figures.push(await measured(log, 'open.paint1000', () => openLargeProject(log, threeHundredClipMs)))
    figures.push(await measured(log, 'media.firstFrame', () => benchFirstFrame(log)))
  } finally {
    await closeBrowser()
  }
  return figures
}

/** One figure measured on its own project; a failure leaves the others standing. */
async function measured(log: (line: string) => void, id: string, work: () => Promise<Figure>): Promise<Figure> {
  try {
    return await work()
  } catch (error) {
    log(`browser: ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return notMeasured({ id, area: areaOf(id), goal: goalOf(id), unit: '', method: id }, `failed: ${String(error)}`)
  }
}

export type Reference = { clips: number; clickToPaintMs: number; keystrokeMedianMs: number } | null

/** The same open and typing on a 3-clip project made by the same recipe: how much of each figure is the 300 clips. */
export async function smallProjectReference(log: (line: string) => void): Promise<Reference> {
  log('browser: the same open and typing on a 3-clip project, for reference…')
  const small = await writeStoryboard(SMALL_STORYBOARD)
  try {
    const bench = await openBenchPage(small)
    try {
      const open = await openFromWelcome(bench, small)
      const edit = await typeIntoPrompt(bench, 2)
      return { clips: small.project.clips.length, clickToPaintMs: round(open.clickToPaintMs, 0), keystrokeMedianMs: edit.medianMs }
    } finally {
      await bench.close()
    }
  } catch (error) {
    log(`browser: the 3-clip reference failed: ${String(error)}`)
    return null
  } finally {
    await small.dispose()
  }
}

function openFigure(rounds: OpenRound[], builtAt: string, reference: Reference): Figure {
  const settled = rounds.map((r) => r.thumbnailsSettledMs).filter((ms): ms is number => ms !== null)
  return figure(
    {
      id: 'open.paint',
      area: 'open',
      goal: goalOf('open.paint'),
      measured: round(median(rounds.map((r) => r.clickToPaintMs)), 0),
      unit: 'ms',
      method:
        'median over fresh pages: click on Open… in the welcome screen (the dialog answers with the project) → every clip in the timeline ' +
        'with a size → the frame after that has begun (second requestAnimationFrame); times taken in the page',
      details: {
        rounds: rounds.map((r) => ({
          clickToPaintMs: round(r.clickToPaintMs, 0),
          clickToTimelineInDomMs: round(r.clickToDomMs, 0),
          projectOpenReplyMs: r.openReplyMs === null ? null : round(r.openReplyMs, 0),
          projectOpenMainMs: r.openMainMs === null ? null : round(r.openMainMs, 0),
          projectOpenViaChildMs: r.openViaChildMs === null ? null : round(r.openViaChildMs, 0),
          allThumbnailsShownMs: r.thumbnailsSettledMs === null ? null : round(r.thumbnailsSettledMs, 0),
          thumbnailRequests: r.thumbnailCalls,
        })),
        domAfterOpen: rounds.at(-1)?.domCensus,
        threeClipProjectMs: reference?.clickToPaintMs ?? null,
        ratioToThreeClipProject: reference ? round(median(rounds.map((r) => r.clickToPaintMs)) / reference.clickToPaintMs) : null,
        medianAllThumbnailsShownMs: settled.length > 0 ? round(median(settled), 0) : null,
        rendererBuiltAt: builtAt,
      },
    },
    { max: 1000 },
  )
}

function editFigures(edit: EditResult, references: Reference[]): Figure[] {
  return [
    keystrokeFigure('edit.keystroke', edit, references),
    figure(
      {
        id: 'edit.components',
        area: 'edit',
        goal: goalOf('edit.components'),
        measured: edit.timelineComponentsMax,
        unit: 'components',
        method:
          'components React rendered per keystroke inside the timeline (largest over all keystrokes), read from each commit through a ' +
          '__REACT_DEVTOOLS_GLOBAL_HOOK__ installed before the app loads; details list which clips they belong to',
        details: {
          clipsRendered: edit.timelineClipsRendered,
          componentsPerKeystrokeByDom: edit.timelineComponentsByDom,
          medianPerKeystroke: edit.timelineComponentsMedian,
          withoutIconsMax: edit.timelineComponentsWithoutIconsMax,
          timelineClipItemsMax: edit.timelineClipItemsMax,
          editorComponentsMedian: edit.editorComponentsMedian,
          clipsWithDomMutationsMax: edit.clipsWithDomMutationsMax,
        },
      },
      { max: 3 },
    ),
  ]
}

/**
 * keydown → the keystroke's last React commit, with its ratio to the 3-clip typing (the mean of the references);
 * with `maxRatio` the ratio is part of the goal.
 */
export function keystrokeFigure(id: string, edit: EditResult, references: Reference[], maxRatio?: number): Figure {
  const { medianMs, timelineComponentsMax: _, ...rest } = edit
  const measuredReferences = references.flatMap((reference) => (reference ? [reference.keystrokeMedianMs] : []))
  const referenceMs = measuredReferences.length === 0 ? null : measuredReferences.reduce((sum, ms) => sum + ms, 0) / measuredReferences.length
  const ratio = referenceMs === null ? null : round(medianMs / referenceMs)
  const details = {
    ...rest,
    threeClipProjectMedianMs: referenceMs === null ? null : round(referenceMs),
    threeClipProjectBeforeAndAfterMs: measuredReferences,
    ratioToThreeClipProject: ratio,
  }
  const method =
    'page.keyboard.type into the selected clip’s Prompt box; per keystroke, in the page: keydown → input → a MessageChannel task ' +
    'after all microtasks (store updated, React re-rendered and committed); median'
  const measured = figure({ id, area: 'edit', goal: goalOf(id), measured: medianMs, unit: 'ms', method, details }, { max: 8 })
  if (maxRatio === undefined || measured.pass === false) return measured
  if (ratio === null) return { ...measured, pass: null, note: 'the 3-clip reference could not be measured, so the ratio is unknown' }
  return ratio > maxRatio ? { ...measured, pass: false, note: `${ratio}× the 3-clip project (goal ≤ ${maxRatio}×)` } : measured
}

function dragFigure(drag: Awaited<ReturnType<typeof dragAcrossTimeline>>): Figure {
  const { fps, ...details } = drag
  return figure(
    {
      id: 'drag.fps',
      area: 'drag',
      goal: goalOf('drag.fps'),
      measured: fps,
      unit: 'fps',
      method:
        'requestAnimationFrame callbacks counted in the page while clip 2 is dragged by its grip to the right edge (moves every 8 ms, ' +
        'dnd-kit auto-scrolls the 300-clip track); idleFps is the same count with no input',
      details,
    },
    { min: 55 },
  )
}

function memoryFigures(memory: MemoryAndImages): Figure[] {
  const { fullSizeImagesDecoded, heapUsedMB: _, heapUsedAfterGcMB: __, ...details } = memory
  return [
    heapFigure('save.heap', memory),
    figure(
      {
        id: 'save.thumbnails',
        area: 'save',
        goal: goalOf('save.thumbnails'),
        measured: fullSizeImagesDecoded,
        unit: 'images',
        method:
          'every <img> in the page after opening: natural size above the 320 px thumbnail bound counts as a full-size decode ' +
          '(storyboard images are 1280×720); image bytes received over IPC counted per channel',
        details,
      },
      { max: 0 },
    ),
  ]
}

/** Renderer heap once the project and all its thumbnails are shown. */
export function heapFigure(id: string, memory: MemoryAndImages): Figure {
  return figure(
    {
      id,
      area: 'save',
      goal: goalOf(id),
      measured: memory.heapUsedMB,
      unit: 'MB',
      method: 'CDP Performance.getMetrics JSHeapUsedSize once the project and all its thumbnails are shown (before a forced GC)',
      details: { heapUsedAfterGcMB: memory.heapUsedAfterGcMB, images: memory.images, thumbnailRequests: memory.thumbnailRequests },
    },
    { max: 250 },
  )
}
