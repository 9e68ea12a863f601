import { median, percentile, round } from '../lib/stats'
import { probe, type BenchPage } from './bench-page'

type Key = { t0: number; tInput: number | null; tSettled: number | null; tFrame: number | null; mutatedClips: string[] }
type Rendered = { name: string; area: string; clip: string | null }
type Commit = { t: number; key: number; components: Rendered[] }

export type EditResult = {
  keystrokes: number
  medianMs: number
  p90Ms: number
  maxMs: number
  medianToNextFrameMs: number
  /** Per keystroke, components that rendered inside the timeline; the figure is the largest over all keystrokes. */
  timelineComponentsMax: number
  timelineComponentsMedian: number
  timelineComponentNames: string[]
  timelineClipsRendered: string[]
  editorComponentsMedian: number
  clipsWithDomMutationsMax: number
  commitsObserved: number
}

const TEXT = ' while rain drums on the tin roofs'

/**
 * Selects clip 150 in the timeline, clicks its Prompt box and types with real key events. In the page: keydown →
 * input → a task after all microtasks (React has re-rendered and committed by then), and which components the
 * commits rendered, placed by their DOM in a timeline clip or elsewhere.
 */
export async function typeIntoPrompt(bench: BenchPage, clipNumber = 150): Promise<EditResult> {
  const { page } = bench
  const clip = page.getByRole('group', { name: `Clip ${clipNumber}`, exact: true })
  await clip.scrollIntoViewIfNeeded()
  await clip.locator('.tl-clip__name').click()
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
  await prompt.click()
  await page.keyboard.press('End')
  await page.waitForTimeout(500)
  await probe(page, 'startKeys()')
  await page.keyboard.type(TEXT, { delay: 60 })
  await page.waitForTimeout(600)
  const { keys, commits } = await probe<{ keys: Key[]; commits: Commit[] }>(page, 'stopKeys()')
  const typed = await prompt.inputValue()
  if (!typed.endsWith(TEXT)) throw new Error('the prompt did not receive the typed text')

  const spans = keys.filter((k) => k.tSettled !== null).map((k) => k.tSettled! - k.t0)
  const toFrame = keys.filter((k) => k.tFrame !== null).map((k) => k.tFrame! - k.t0)
  const perKey = keys.map((_, i) => commits.filter((c) => c.key === i).flatMap((c) => c.components))
  const inTimeline = (r: Rendered) => r.area === 'timeline-clip' || r.area === 'timeline'
  const timelineCounts = perKey.map((rendered) => rendered.filter(inTimeline).length)
  const editorCounts = perKey.map((rendered) => rendered.filter((r) => !inTimeline(r)).length)
  const timelineRendered = perKey.flatMap((rendered) => rendered.filter(inTimeline))
  return {
    keystrokes: keys.length,
    medianMs: round(median(spans)),
    p90Ms: round(percentile(spans, 90)),
    maxMs: round(Math.max(...spans)),
    medianToNextFrameMs: round(median(toFrame)),
    timelineComponentsMax: Math.max(0, ...timelineCounts),
    timelineComponentsMedian: median(timelineCounts),
    timelineComponentNames: [...new Set(timelineRendered.map((r) => r.name))],
    timelineClipsRendered: [...new Set(timelineRendered.map((r) => r.clip ?? 'timeline itself'))],
    editorComponentsMedian: median(editorCounts),
    clipsWithDomMutationsMax: Math.max(0, ...keys.map((k) => k.mutatedClips.length)),
    commitsObserved: commits.length,
  }
}
