import type { Page } from 'playwright-core'
import { closeBrowser } from '../test/e2e/harness'
import type { CutPlan } from '../src/shared/cut/cut-plan'
import { openBenchPage } from './browser/bench-page'
import { ensureRendererBuild } from './browser/ensure-build'
import { FILM_CUT_RECORDER } from './browser/film-cut-probe'
import { openFromWelcome } from './browser/open-timeline'
import { CUT_CLIPS, writeCutStoryboard } from './fixtures/cut-takes'
import { analyseCut, type CutEvent } from './lib/cut-boundaries'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { round } from './lib/stats'

const readPlan = (page: Page): Promise<CutPlan> =>
  page.evaluate(`window.omniboard.invoke['film:plan']({}).then((r) => { if (!r.ok) throw new Error(r.error.message); return r.value })`) as Promise<CutPlan>

/**
 * `film.boundaryGap` and `film.drift` (issue 26): Play film over a 20-clip cut of takes at 24 and 30 fps and
 * animatic cards, played whole in the e2e harness; what the screen showed is recorded in the page (film-cut-probe).
 */
export async function benchFilmCut(log: (line: string) => void, options: { rebuild: boolean }): Promise<Figure[]> {
  ensureRendererBuild(log, options.rebuild)
  log(`cut: writing a ${CUT_CLIPS}-clip project of takes and animatic cards (the first run encodes the takes)…`)
  const storyboard = await writeCutStoryboard()
  try {
    const bench = await openBenchPage(storyboard)
    try {
      const { page } = bench
      await openFromWelcome(bench, storyboard)
      const plan = await readPlan(page)
      await page.evaluate(FILM_CUT_RECORDER)
      log(`cut: playing the ${round(plan.durationSeconds, 1)} s cut…`)
      await page.getByRole('button', { name: 'Play film' }).click()
      const player = page.getByRole('region', { name: 'Film player' })
      await player.getByRole('button', { name: 'Pause', exact: true }).waitFor()
      await player.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: (plan.durationSeconds + 60) * 1000 })
      const events = (await page.evaluate('window.__filmCut')) as CutEvent[]
      const cut = analyseCut(plan, events)
      const worst = cut.boundaries.reduce((a, b) => (b.gapFrames > a.gapFrames ? b : a))
      const takes = plan.entries.filter((entry) => entry.kind === 'take')
      const details = {
        clips: plan.entries.length,
        takes: takes.length,
        cards: plan.entries.length - takes.length,
        frameRates: [...new Set(takes.map((entry) => `${entry.media.frameRate.num}/${entry.media.frameRate.den}`))],
        planSeconds: round(plan.durationSeconds, 3),
        worstBoundary: worst,
        // The same measure between frames inside the takes: what this machine's load does to presentation at all.
        withinClipMaxFrames: round(cut.withinClip.maxFrames),
        withinClipP95Frames: round(cut.withinClip.p95Frames),
        boundaries: cut.boundaries.map((b) => ({ ...b, outToInFrames: b.outToInFrames === null ? null : round(b.outToInFrames), inToNextFrames: b.inToNextFrames === null ? null : round(b.inToNextFrames), gapFrames: round(b.gapFrames) })),
        clipOnScreenMinusPlanMs: cut.offsetsMs.map((ms) => round(ms, 0)),
        endDriftMs: round(cut.endDriftMs, 1),
      }
      return [
        figure(
          {
            id: 'film.boundaryGap',
            area: 'film',
            goal: goalOf('film.boundaryGap'),
            measured: round(worst.gapFrames),
            unit: 'frames',
            method:
              'Play film over the whole cut; at each of the 19 boundaries the longest of: the outgoing take’s last presented frame → the paint of the incoming picture, ' +
              'and that paint → the incoming take’s next new frame (requestVideoFrameCallback presentation times, requestAnimationFrame for the paint), in frames of the clip on screen',
            details,
          },
          { max: 1.5 },
        ),
        figure(
          {
            id: 'film.drift',
            area: 'film',
            goal: goalOf('film.drift'),
            measured: round(Math.abs(cut.endDriftFrames)),
            unit: 'frames',
            method: 'clip 1’s first presented frame → the last clip’s last presented frame plus one frame, against the sum of the clips’ durations in the plan',
            details: { endDriftMs: details.endDriftMs, clipOnScreenMinusPlanMs: details.clipOnScreenMinusPlanMs },
          },
          { max: 1 },
        ),
      ]
    } finally {
      await bench.close()
    }
  } finally {
    await storyboard.dispose()
    await closeBrowser()
  }
}
