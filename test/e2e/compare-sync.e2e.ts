import { copyFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { framesOnScreen } from './support/frame-code'
import { useSampleProjectApp } from './support/sample-project-app'

// 10 s takes with sound, 24 fps, a frame counter burned in and ONE key frame each: every seek decodes from frame 0.
const counters = ['counter-a.mp4', 'counter-b.mp4'].map((name) => resolve(import.meta.dirname, '../fixtures/media', name))
const VIDEOS = 'video[aria-label$="(compare)"]'

let app: Harness

/** The sample project with two finished takes of clip 1, each a long-GOP frame-counter video. */
const world = useSampleProjectApp(async (json, dir) => {
  const stamp = new Date().toISOString()
  const clip = json.clips[0]!
  const base = { prompt: 'Slow push-in on a lone lighthouse at dusk. The lamp flickers on.', mode: 'pro', duration: '10', aspect_ratio: '16:9', sound: 'on' }
  const requests = [base, { ...base, prompt: 'Slow push-in on a lone lighthouse at night. The lamp sweeps the fog.', mode: 'std' }]
  clip['chosenTakeId'] = 'take1'
  json.takes = requests.map((request, i) => ({
    id: `take${i + 1}`, clipId: clip['id'], status: 'completed', request, taskId: `task-${i + 1}`, remoteStatus: 'completed', createdAt: stamp, updatedAt: stamp,
    submittedAt: stamp, finishedAt: stamp, error: null, files: [{ index: 0, url: `https://cdn.example/${i + 1}.mp4`, fileName: `01-take${i + 1}.mp4`, bytes: null }],
  }))
  await mkdir(join(dir, 'takes'), { recursive: true })
  await Promise.all(counters.map((file, i) => copyFile(file, join(dir, 'takes', `01-take${i + 1}.mp4`))))
})
beforeEach(() => void ({ app } = world))

describe('compared takes show the same frame on screen', () => {
  it('keeps two long-GOP takes within 2 frames of each other in every screenshot while playing and after pause', async () => {
    const { page } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    await page.getByRole('checkbox', { name: 'Compare take 1' }).check()
    await page.getByRole('checkbox', { name: 'Compare take 2' }).check()
    await page.getByRole('button', { name: 'Compare 2' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compare 2 takes' })
    await dialog.waitFor()
    await page.waitForFunction((css) => [...document.querySelectorAll<HTMLVideoElement>(css)].every((v) => v.readyState >= 2), VIDEOS)
    expect(await framesOnScreen(page, VIDEOS)).toEqual([0, 0])

    // Loop off: a restart at the end shows each take's first frame as soon as its own seek lands, for an instant.
    await dialog.getByRole('button', { name: 'Loop' }).click()
    await dialog.getByRole('button', { name: 'Play all' }).click()
    const playing: number[][] = []
    for (let shot = 0; shot < 4; shot++) {
      await page.waitForTimeout(400)
      playing.push(await framesOnScreen(page, VIDEOS))
    }
    // Scrub while playing, late in the takes where every seek decodes from frame 0.
    await dialog.getByRole('slider', { name: 'Position in all takes' }).fill('4')
    for (let shot = 0; shot < 4; shot++) {
      await page.waitForTimeout(300)
      playing.push(await framesOnScreen(page, VIDEOS))
    }
    const leaders = playing.map(([leader]) => leader!)
    // The pictures moved on between screenshots (it plays), and in each one the two takes show nearly the same frame.
    expect(new Set(leaders).size).toBeGreaterThanOrEqual(6)
    for (const [leader, follower] of playing) expect(Math.abs(leader! - follower!), `frames on screen while playing: ${JSON.stringify(playing)}`).toBeLessThanOrEqual(2)

    await dialog.getByRole('button', { name: 'Pause all' }).click()
    await page.waitForFunction((css) => [...document.querySelectorAll<HTMLVideoElement>(css)].every((v) => v.paused && !v.seeking), VIDEOS)
    const [leader, follower] = await framesOnScreen(page, VIDEOS)
    // Paused, both show exactly the frame the transport names.
    expect([leader, follower]).toEqual([leader, leader])
    await dialog.getByText(new RegExp(`frame ${leader}$`)).waitFor({ timeout: 1000 })
    await page.screenshot({ path: 'docs/screenshots/compare.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})
