import { median, percentile, round } from '../lib/stats'
import { probe, type BenchPage } from './bench-page'
import { byArea, inTimeline, topHosts, type Commit } from './render-summary'
import { scrollToClip } from './scroll-to-clip'

type Key = { t0: number; tInput: number | null; tSettled: number | null; tFrame: number | null; mutatedClips: string[] }

export type EditResult = {
  keystrokes: number
  /** keydown → the last React commit the keystroke caused. */
  medianMs: number
  /**
   * keydown → the first React commit after it: the render that shows the typed character. While jobs run, commits
   * of progress events land in the gap before the next key too, and `medianMs` counts them as the keystroke's.
   */
  medianFirstCommitMs: number
  p90FirstCommitMs: number
  p90Ms: number
  maxMs: number
  /** keydown → a task queued by the input event: all script the keystroke caused, and often a frame. */
  medianToIdleMs: number
  medianToNextFrameMs: number
  /** Per keystroke, components that rendered inside the timeline; the figure is the largest over all keystrokes. */
  timelineComponentsMax: number
  timelineComponentsMedian: number
  /** The same count without lucide icons (components whose DOM is an <svg>). */
  timelineComponentsWithoutIconsMax: number
  /** TimelineClip items rendered per keystroke (components standing on a div.tl-clip): what render-probe.ts counts. */
  timelineClipItemsMax: number
  timelineComponentsByDom: Record<string, number>
  timelineClipsRendered: string[]
  editorComponentsMedian: number
  componentsPerKeystrokeByArea: Record<string, number>
  componentsPerKeystrokeByDom: Record<string, number>
  clipsWithDomMutationsMax: number
}

const TIMED_TEXT = ' while rain drums on the tin roofs'
const DETAIL_TEXT = ' at dusk'

async function typeRecorded(bench: BenchPage, text: string, detail: boolean): Promise<{ keys: Key[]; commits: Commit[] }> {
  const { page } = bench
  await page.waitForTimeout(400)
  await probe(page, `startKeys(${detail})`)
  await page.keyboard.type(text, { delay: 60 })
  await page.waitForTimeout(600)
  return probe<{ keys: Key[]; commits: Commit[] }>(page, 'stopKeys()')
}

/**
 * Selects clip 150 in the timeline, clicks its Prompt box and types with real key events. A timing pass measures,
 * in the page, keydown → the last React commit of that keystroke (store updated, components rendered, DOM
 * changed). A second, shorter pass lists which components each keystroke rendered, placed by their DOM in a
 * timeline clip or elsewhere; it is kept apart because walking the commits takes time of its own.
 */
export async function typeIntoPrompt(bench: BenchPage, clipNumber = 150): Promise<EditResult> {
  const { page } = bench
  const clip = await scrollToClip(page, clipNumber)
  await clip.locator('.tl-clip__name').click()
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
  await prompt.click()
  await page.keyboard.press('End')

  const timed = await typeRecorded(bench, TIMED_TEXT, false)
  const detail = await typeRecorded(bench, DETAIL_TEXT, true)
  if (!(await prompt.inputValue()).endsWith(TIMED_TEXT + DETAIL_TEXT)) throw new Error('the prompt did not receive the typed text')

  const commitsOf = (i: number) => timed.commits.filter((c) => c.key === i)
  const spans = timed.keys.flatMap((k, i) => {
    const last = commitsOf(i).at(-1)
    return last === undefined ? [] : [last.t - k.t0]
  })
  const firstSpans = timed.keys.flatMap((k, i) => {
    const first = commitsOf(i)[0]
    return first === undefined ? [] : [first.t - k.t0]
  })
  const toIdle = timed.keys.filter((k) => k.tSettled !== null).map((k) => k.tSettled! - k.t0)
  const toFrame = timed.keys.filter((k) => k.tFrame !== null).map((k) => k.tFrame! - k.t0)

  const perKey = detail.keys.map((_, i) => detail.commits.filter((c) => c.key === i).flatMap((c) => c.components))
  const timelineCounts = perKey.map((rendered) => rendered.filter(inTimeline).length)
  const timelineRendered = perKey.flatMap((rendered) => rendered.filter(inTimeline))
  const n = detail.keys.length
  return {
    keystrokes: timed.keys.length,
    medianMs: round(median(spans)),
    p90Ms: round(percentile(spans, 90)),
    maxMs: round(Math.max(...spans)),
    medianFirstCommitMs: round(median(firstSpans)),
    p90FirstCommitMs: round(percentile(firstSpans, 90)),
    medianToIdleMs: round(median(toIdle)),
    medianToNextFrameMs: round(median(toFrame)),
    // No commit seen means the React probe did not attach: the count would be a false zero.
    timelineComponentsMax: detail.commits.length === 0 ? Number.NaN : Math.max(0, ...timelineCounts),
    timelineComponentsMedian: median(timelineCounts),
    timelineComponentsWithoutIconsMax: Math.max(0, ...perKey.map((rendered) => rendered.filter((r) => inTimeline(r) && r.host !== 'svg').length)),
    timelineClipItemsMax: Math.max(0, ...perKey.map((rendered) => rendered.filter((r) => inTimeline(r) && r.host === 'div.tl-clip').length)),
    timelineComponentsByDom: topHosts(timelineRendered, 20, n),
    timelineClipsRendered: [...new Set(timelineRendered.map((r) => r.clip ?? 'timeline itself'))],
    editorComponentsMedian: median(perKey.map((rendered) => rendered.filter((r) => !inTimeline(r)).length)),
    componentsPerKeystrokeByArea: byArea(perKey.flat(), n),
    componentsPerKeystrokeByDom: topHosts(perKey.flat(), 10, n),
    clipsWithDomMutationsMax: Math.max(0, ...timed.keys.map((k) => k.mutatedClips.length)),
  }
}
