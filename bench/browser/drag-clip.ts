import { median, percentile, round } from '../lib/stats'
import { probe, type BenchPage } from './bench-page'
import { byArea, inTimeline, type Commit } from './render-summary'

export type DragResult = {
  fps: number
  idleFps: number
  dragToIdleRatio: number
  frames: number
  seconds: number
  medianFrameMs: number
  p95FrameMs: number
  longestFrameMs: number
  framesOver33Ms: number
  pointerMovesSent: number
  pointerMoveEventsInPage: number
  scrolledPx: number
  reactCommits: number
  componentsPerCommitMedian: number
  componentsPerCommitMax: number
  timelineClipsPerCommitMax: number
  componentsPerCommitByArea: Record<string, number>
}

const DRAG_MS = 3000
const MOVE_EVERY_MS = 8

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function frameStats(times: number[]) {
  const gaps = times.slice(1).map((t, i) => t - times[i]!)
  const seconds = times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : 0
  return { fps: seconds > 0 ? gaps.length / seconds : 0, gaps, seconds }
}

/**
 * Frame rate while clip 2 is dragged by its grip across the timeline: pointer down, past dnd-kit's 4 px
 * activation, then a move every 8 ms (a 125 Hz mouse, sent over CDP without waiting) to the right edge, where dnd-kit auto-scrolls the track
 * through the following clips. Frames are requestAnimationFrame callbacks counted in the page; the same count
 * with no input, just before, is the idle rate this browser reaches at all.
 */
export async function dragAcrossTimeline(bench: BenchPage): Promise<DragResult> {
  // A short first drag lists what React renders; the timed drag after it only counts commits.
  const detail = await dragOnce(bench, 1500, true)
  const timed = await dragOnce(bench, DRAG_MS, false)
  const sizes = detail.commits.map((c) => c.components.length)
  return {
    ...timed.result,
    componentsPerCommitMedian: median(sizes),
    componentsPerCommitMax: Math.max(0, ...sizes),
    timelineClipsPerCommitMax: Math.max(0, ...detail.commits.map((c) => new Set(c.components.filter(inTimeline).map((r) => r.clip)).size)),
    componentsPerCommitByArea: byArea(detail.commits.flatMap((c) => c.components), Math.max(1, detail.commits.length)),
  }
}

type RenderFields = 'componentsPerCommitMedian' | 'componentsPerCommitMax' | 'timelineClipsPerCommitMax' | 'componentsPerCommitByArea'
type Pass = { result: Omit<DragResult, RenderFields>; commits: Commit[] }

async function dragOnce(bench: BenchPage, durationMs: number, detail: boolean): Promise<Pass> {
  const { page } = bench
  await page.evaluate(`document.querySelector('.timeline__track').scrollLeft = 0`)
  const grip = page.getByRole('button', { name: 'Move clip 2', exact: true })
  const box = (await grip.boundingBox())!
  const viewport = page.viewportSize()!
  const [x0, y] = [box.x + box.width / 2, box.y + box.height / 2]
  const xEnd = viewport.width - 12

  await probe(page, 'startFrames()')
  await sleep(1000)
  const idle = frameStats((await probe<{ times: number[] }>(page, 'stopFrames()')).times)

  await page.mouse.move(x0, y)
  await page.mouse.down()
  await page.mouse.move(x0 + 8, y)
  await page.mouse.move(x0 + 16, y)
  await sleep(100)
  await probe(page, `startKeys(${detail})`)
  await probe(page, 'startFrames()')
  const start = Date.now()
  let moves = 0
  const sent: Promise<unknown>[] = []
  for (let elapsed = 0; elapsed < durationMs; elapsed = Date.now() - start) {
    const progress = Math.min(1, elapsed / (durationMs * 0.6))
    // Sent without waiting for the page, as a mouse does: a busy page gets its moves queued and coalesced.
    // A little vertical wobble, as a hand makes, so every move is a real change of position.
    const [x, wobble] = [x0 + 16 + (xEnd - x0 - 16) * progress, moves % 2 === 0 ? 1 : -1]
    sent.push(bench.cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y: y + wobble, button: 'left', buttons: 1 }))
    moves++
    const next = moves * MOVE_EVERY_MS - (Date.now() - start)
    if (next > 0) await sleep(next)
  }
  await Promise.all(sent)
  const { times, pointerMoves } = await probe<{ times: number[]; pointerMoves: number }>(page, 'stopFrames()')
  const drag = frameStats(times)
  const { commits } = await probe<{ commits: Commit[] }>(page, 'stopKeys()')
  const scrolledPx = (await page.evaluate(`document.querySelector('.timeline__track').scrollLeft`)) as number
  await page.mouse.move(xEnd, y)
  await page.mouse.up()
  await sleep(300)
  const result = {
    fps: round(drag.fps, 1),
    idleFps: round(idle.fps, 1),
    dragToIdleRatio: round(drag.fps / idle.fps),
    frames: drag.gaps.length,
    seconds: round(drag.seconds),
    medianFrameMs: round(median(drag.gaps), 1),
    p95FrameMs: round(percentile(drag.gaps, 95), 1),
    longestFrameMs: round(Math.max(...drag.gaps), 1),
    framesOver33Ms: drag.gaps.filter((gap) => gap > 33.4).length,
    pointerMovesSent: moves,
    pointerMoveEventsInPage: pointerMoves,
    scrolledPx: Math.round(scrolledPx),
    reactCommits: commits.length,
  }
  return { result, commits }
}
