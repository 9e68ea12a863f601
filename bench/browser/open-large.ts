import { LARGE_STORYBOARD, writeStoryboard } from '../fixtures/storyboard-project'
import { goalOf } from '../lib/goals'
import { figure, type Figure } from '../lib/report'
import { median, round } from '../lib/stats'
import { openBenchPage } from './bench-page'
import { openFromWelcome, type OpenRound } from './open-timeline'

const ROUNDS = 3

/** `open.paint` again on a 1,000-clip, 3,000-image project made by the same recipe, beside the 300-clip figure. */
export async function openLargeProject(log: (line: string) => void, threeHundredClipMs: number | null): Promise<Figure> {
  log('browser: writing the 1,000-clip, 3,000-image project (the first run draws 2,000 more images)…')
  const storyboard = await writeStoryboard(LARGE_STORYBOARD)
  const rounds: OpenRound[] = []
  try {
    for (let i = 0; i < ROUNDS; i++) {
      log(`browser: opening the 1,000-clip project (round ${i + 1} of ${ROUNDS})…`)
      const bench = await openBenchPage(storyboard)
      try {
        rounds.push(await openFromWelcome(bench, storyboard))
      } finally {
        await bench.close()
      }
    }
  } finally {
    await storyboard.dispose()
  }
  const measured = median(rounds.map((r) => r.clickToPaintMs))
  return figure(
    {
      id: 'open.paint1000',
      area: 'open',
      goal: goalOf('open.paint1000'),
      measured: round(measured, 0),
      unit: 'ms',
      method: 'as open.paint, on a project of 1,000 clips, 3,000 images and 250 elements; median over fresh pages',
      details: {
        clips: storyboard.project.clips.length,
        images: storyboard.project.assets.length,
        rounds: rounds.map((r) => ({
          clickToPaintMs: round(r.clickToPaintMs, 0),
          projectOpenReplyMs: r.openReplyMs === null ? null : round(r.openReplyMs, 0),
          // In the main process, and with the hop to its child process and back; the rest of the reply is CDP.
          projectOpenMainMs: r.openMainMs === null ? null : round(r.openMainMs, 0),
          projectOpenViaChildMs: r.openViaChildMs === null ? null : round(r.openViaChildMs, 0),
          allThumbnailsShownMs: r.thumbnailsSettledMs === null ? null : round(r.thumbnailsSettledMs, 0),
        })),
        domAfterOpen: rounds.at(-1)?.domCensus,
        threeHundredClipProjectMs: threeHundredClipMs,
        ratioToThreeHundredClipProject: threeHundredClipMs ? round(measured / threeHundredClipMs) : null,
      },
    },
    { max: 1500 },
  )
}
