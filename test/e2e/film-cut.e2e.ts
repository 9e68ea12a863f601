import { copyFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { useSampleProjectApp } from './support/sample-project-app'

// 1.5 s takes with a frame code burned in (test/fixtures/media/README.md): a and b at 24 fps, c at 30 fps, each its own colour.
const takes = ['cut-a.mp4', 'cut-b.mp4', 'cut-c.mp4']
const COLOURS = { a: [0x1d, 0x35, 0x57], b: [0x5a, 0x2d, 0x4f], c: [0x2d, 0x5a, 0x3a] }

let app: Harness

/** Clips 1, 2 and 4 play takes a, b and c; clip 3 has no take and holds as a 3 s animatic card between b and c. */
const world = useSampleProjectApp(async (json, dir) => {
  const stamp = new Date().toISOString()
  const [first, second, third] = json.clips as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]
  const fourth: Record<string, unknown> = { ...first, id: 'clip-last-light', title: 'Last light' }
  json.clips = [first, second, { ...third, duration: 3, chosenTakeId: null }, fourth]
  const withTakes = [first, second, fourth]
  json.takes = withTakes.map((clip, i) => ({
    id: `cut-take-${i + 1}`, clipId: clip['id'], status: 'completed', request: {}, taskId: `task-${i + 1}`, remoteStatus: 'completed', createdAt: stamp, updatedAt: stamp,
    submittedAt: stamp, finishedAt: stamp, error: null, files: [{ index: 0, url: `https://cdn.example/${i + 1}.mp4`, fileName: `cut-take-${i + 1}.mp4`, bytes: null }],
  }))
  withTakes.forEach((clip, i) => (clip['chosenTakeId'] = `cut-take-${i + 1}`))
  await mkdir(join(dir, 'takes'), { recursive: true })
  await Promise.all(takes.map((name, i) => copyFile(resolve(import.meta.dirname, '../fixtures/media', name), join(dir, 'takes', `cut-take-${i + 1}.mp4`))))
})
beforeEach(() => void ({ app } = world))

type Seen = { what: string; frame?: number }

/**
 * In the page, on every animation frame until the film stops: what the film screen shows. The card's clip when a
 * card is up; otherwise the one visible video's picture, drawn to a canvas and read like a screenshot: its colour
 * names the take and its code the frame. A visible video with no decoded frame, or a picture whose code cannot be
 * read (black, half-drawn), or no picture at all, is recorded as such.
 */
function watchScreen(page: Harness['page']): Promise<Seen[]> {
  return page.evaluate((colours) => new Promise<Seen[]>((done) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 })
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    const seen: Seen[] = []
    const luma = (pixels: Uint8ClampedArray, x: number, y: number) => {
      const at = (y * 640 + x) * 4
      return 0.299 * pixels[at]! + 0.587 * pixels[at + 1]! + 0.114 * pixels[at + 2]!
    }
    const read = (video: HTMLVideoElement): Seen => {
      if (video.readyState < 2) return { what: 'no decoded frame' }
      context.drawImage(video, 0, 0, 640, 360)
      const pixels = context.getImageData(0, 0, 640, 360).data
      let frame = 0
      for (let bit = 0; bit < 8; bit++) {
        const x = 64 + bit * 64 + 32
        const one = luma(pixels, x, 264) > 128
        if (one === luma(pixels, x, 312) > 128) return { what: 'unreadable picture' }
        frame = frame * 2 + (one ? 1 : 0)
      }
      const corner = [pixels[(20 * 640 + 20) * 4]!, pixels[(20 * 640 + 20) * 4 + 1]!, pixels[(20 * 640 + 20) * 4 + 2]!]
      const distance = (rgb: number[]) => rgb.reduce((sum, value, i) => sum + (value - corner[i]!) ** 2, 0)
      const take = Object.entries(colours).sort(([, x], [, y]) => distance(x) - distance(y))[0]![0]
      return { what: `take ${take}`, frame }
    }
    const sample = () => {
      const card = document.querySelector('[data-testid="film-animatic"] .film-animatic__number')
      const shown = [...document.querySelectorAll<HTMLVideoElement>('.film-player__video')].filter((video) => video.dataset['active'] === 'true' && getComputedStyle(video).visibility !== 'hidden')
      seen.push(card ? { what: `card ${card.textContent}` } : shown.length === 1 ? read(shown[0]!) : { what: `${shown.length} videos shown` })
      if (document.querySelector('.film-player__play[aria-label="Play"]') && seen.length > 10) done(seen)
      else requestAnimationFrame(sample)
    }
    requestAnimationFrame(sample)
  }), COLOURS)
}

describe('Play film cuts from clip to clip without a gap', () => {
  it('shows takes a, b, the card and take c in order, every take from its first frame to its last, never a blank picture', async () => {
    const { page } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    await page.getByRole('button', { name: 'Play film' }).click()
    const player = page.getByRole('region', { name: 'Film player' })
    await player.getByText('4 clips · 3 with takes').waitFor()
    const seen = await watchScreen(page)

    // From the film's first picture on (before it, clip 1's take is still loading behind a held playhead).
    const shown = seen.slice(seen.findIndex((s) => s.what === 'take a'))
    const runs: { what: string; frames: number[] }[] = []
    for (const s of shown) {
      if (runs.at(-1)?.what !== s.what) runs.push({ what: s.what, frames: [] })
      if (s.frame !== undefined) runs.at(-1)!.frames.push(s.frame)
    }
    expect(runs.map((run) => run.what), JSON.stringify(runs)).toEqual(['take a', 'take b', 'card Clip 3', 'take c'])
    const frames = Object.fromEntries(runs.map((run) => [run.what, run.frames]))
    // Each take runs forward, from its opening frames to its closing ones: a cut neither skips the head of the
    // incoming take (started too early while hidden) nor drops the tail of the outgoing one. A sample every display
    // frame sees each 24/30 fps frame; a busy machine may miss a few.
    for (const [take, last] of [['take a', 35], ['take b', 35], ['take c', 44]] as const) {
      const list = frames[take]!
      expect(list.every((frame, i) => i === 0 || frame >= list[i - 1]!), `${take}: ${list.join(' ')}`).toBe(true)
      expect(list[0], `${take} opens on`).toBeLessThanOrEqual(4)
      expect(list.at(-1), `${take} closes on`).toBeGreaterThanOrEqual(last - 4)
    }
    await expect.poll(() => page.getByTestId('film-time').textContent()).toMatch(/^0:07\.5/)
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
