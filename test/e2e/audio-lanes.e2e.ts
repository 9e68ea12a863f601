import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { AAC_FRAME_SECONDS, decodeFilmSound, rmsBetween, soundingSpan } from '../main/media/film-sound-measure'
import type { Harness } from './harness'
import { dropFiles } from './support/os-files'
import { useSampleProjectApp } from './support/sample-project-app'
import { takeOnClipOne } from './support/take-on-clip-one'

const audioFixture = (name: string): string => resolve(import.meta.dirname, '../fixtures/audio', name)

let app: Harness
/** What the OS dialog behind Add sound… answers next. */
let chosenSound: string[] = []

/** The sample project (clips of 5, 10 and 5 s) with a finished 2 s take with sound on clip 1; clips 2 and 3 play as animatic cards. */
const world = useSampleProjectApp(takeOnClipOne, { chooseAudio: async () => chosenSound })
beforeEach(() => void ({ app } = world))

const card = (page: Harness['page'], index: number) => page.locator(`.tl-clip[data-clip-index="${index}"]`)
const leftOf = async (locator: ReturnType<Harness['page']['locator']>): Promise<number> => (await locator.boundingBox())!.x

/** Puts an analyser between everything the page plays through Web Audio and the speakers, as a listener would hear it. */
async function listenToWebAudio(page: Harness['page']): Promise<void> {
  await page.evaluate(() => {
    const connect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode, ...rest: number[]) => AudioNode
    const tapped = window as unknown as { filmAnalyser?: AnalyserNode }
    AudioNode.prototype.connect = function (this: AudioNode, destination: AudioNode | AudioParam, ...rest: number[]) {
      if (!(destination instanceof AudioDestinationNode) || this instanceof AnalyserNode) return connect.call(this, destination as AudioNode, ...rest)
      tapped.filmAnalyser ??= destination.context.createAnalyser()
      connect.call(tapped.filmAnalyser, destination)
      return connect.call(this, tapped.filmAnalyser, ...rest)
    } as typeof AudioNode.prototype.connect
  })
}

/** The film time on the player's clock when the analyser first hears the lanes (polled every frame). */
function filmTimeWhenHeard(page: Harness['page']): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('nothing heard within 15 s')), 15_000)
        const samples = new Float32Array(2048)
        const tick = (): void => {
          const analyser = (window as unknown as { filmAnalyser?: AnalyserNode }).filmAnalyser
          analyser?.getFloatTimeDomainData(samples)
          if (analyser && samples.some((sample) => Math.abs(sample) > 0.02)) {
            clearTimeout(timeout)
            resolve(document.querySelector('[data-testid="film-time"]')?.textContent ?? '')
          } else requestAnimationFrame(tick)
        }
        tick()
      }),
  )
}

/** Opens the project and drops a 1 s tone on the Sound bar, which has no lanes yet: a first lane takes it at 0 s. */
async function openWithTone(page: Harness['page']) {
  await page.getByRole('button', { name: /^Open…/ }).click()
  await page.getByRole('region', { name: 'Timeline' }).waitFor()
  await dropFiles(page, page.getByTestId('sound-drop'), [{ name: 'tone.wav', mime: 'audio/wav', bytes: await readFile(audioFixture('tone-1k-1s.wav')) }])
  const item = page.getByTestId('audio-item')
  await expect.poll(() => item.getAttribute('aria-label')).toBe('tone.wav, at 0.0 s for 1.0 s')
  return item
}

describe('audio lanes', () => {
  it('takes a dropped music file on a new lane, moves it to clip 2, plays it there in Play film and mixes it into the exported film', async () => {
    const { page, logs } = app
    const item = await openWithTone(page)
    // A refused file says why and adds nothing.
    await dropFiles(page, page.getByTestId('audio-lane-new'), [{ name: 'list.mp3', mime: 'audio/mpeg', bytes: await readFile(audioFixture('not-audio.mp3')) }])
    await page.getByText('list.mp3 is not a sound file Omniboard reads.').waitFor()
    expect(await item.count()).toBe(1)

    // Drag it to just short of clip 2's card: it snaps to the card's left edge, clip 2's start (5 s).
    const box = (await item.boundingBox())!
    const toCard = (await leftOf(card(page, 1))) - 4 - box.x
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + toCard / 2, box.y + box.height / 2, { steps: 4 })
    await page.mouse.move(box.x + box.width / 2 + toCard, box.y + box.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(() => item.getAttribute('aria-label')).toBe('tone.wav, at 5.0 s for 1.0 s')
    // Placed on clip 2, it follows that clip.
    expect(await page.getByLabel('Stays with').inputValue()).toBe('clip')
    expect(await page.getByLabel('Stays with').locator('option:checked').textContent()).toBe('clip 2')

    // In the cut clip 1's take runs 2 s, so clip 2 (an animatic card) starts at 2 s, and the tone with it.
    await listenToWebAudio(page)
    await page.getByRole('button', { name: 'Play film' }).click()
    const heardAt = await filmTimeWhenHeard(page)
    const seconds = Number(/0:0(\d\.\d)/.exec(heardAt)?.[1])
    expect(Math.abs(seconds - 2.0)).toBeLessThanOrEqual(0.2)
    await page.getByTestId('film-animatic').waitFor()
    // Paused, the lanes' playhead stands exactly under the clip track's.
    await page.keyboard.press('Space')
    const centre = async (selector: string): Promise<number> => {
      const line = (await page.locator(selector).boundingBox())!
      return line.x + line.width / 2
    }
    await expect.poll(async () => Math.abs((await centre('.audio-lanes__playhead')) - (await centre('.film-playhead-layer__line')))).toBeLessThanOrEqual(1)
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Export film…' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Export film' })
    await dialog.getByRole('radio', { name: /Hold a still for clips without a take/ }).check()
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await dialog.getByText(/^Exported 0:17\.0 of film/).waitFor({ timeout: 90_000 })
    const film = (await dialog.locator('.film-export__path').textContent()) ?? ''
    const sound = await decodeFilmSound(film)
    // The take's own sound runs to 2 s and the tone from 2 to 3 s; then the animatic cards are silent.
    const span = soundingSpan(sound)!
    expect(Math.abs(span.end - 3.0)).toBeLessThanOrEqual(AAC_FRAME_SECONDS)
    expect(rmsBetween(sound, 2.2, 2.8)).toBeGreaterThan(0.05)
    await dialog.getByRole('button', { name: 'Done' }).click()
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('draws each item’s waveform and fades on its lane, mutes a lane, and nudges and removes an item by keyboard', async () => {
    const { page, logs } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    await page.getByRole('slider', { name: 'Zoom' }).fill('90')
    await dropFiles(page, page.getByTestId('sound-drop'), [{ name: 'Score — harbour theme.mp3', mime: 'audio/mpeg', bytes: await readFile(audioFixture('score-4s.mp3')) }])
    await expect.poll(() => page.getByTestId('audio-item').count()).toBe(1)
    await page.getByTestId('item-fade-in').fill('0.5')
    await page.getByTestId('item-fade-in').press('Enter')
    await page.getByTestId('item-gain').fill('-6')
    await page.getByTestId('item-gain').press('Enter')
    await page.getByTestId('item-fade-out').fill('1')
    await page.getByTestId('item-fade-out').press('Enter')
    await dropFiles(page, page.getByTestId('audio-lane-new'), [{ name: 'Voice-over take 3.ogg', mime: 'audio/ogg', bytes: await readFile(audioFixture('voice-3s.ogg')) }])
    await expect.poll(() => page.getByTestId('audio-lane').count()).toBe(2)
    await page.getByRole('button', { name: 'Mute Lane 2' }).click()
    expect(await page.getByRole('button', { name: 'Mute Lane 2' }).getAttribute('aria-pressed')).toBe('true')
    // The waveform is drawn: the canvas has lit pixels.
    expect(await litPixels(page.getByTestId('audio-item').first())).toBeGreaterThan(100)
    await page.waitForTimeout(200)
    await page.screenshot({ path: 'docs/screenshots/audio-lanes.png' })

    // The keyboard: Shift+→ nudges the focused sound a second later, Delete takes it off its lane (one undo brings it back).
    const voice = page.getByTestId('audio-item').nth(1)
    await voice.focus()
    await page.keyboard.press('Shift+ArrowRight')
    await expect.poll(() => voice.getAttribute('aria-label')).toBe('Voice-over take 3.ogg, at 1.0 s for 3.0 s')
    await page.keyboard.press('Delete')
    await expect.poll(() => page.getByTestId('audio-item').count()).toBe(1)
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('audio-item').count()).toBe(2)
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('draws sound placed at clip 3’s start under clip 3’s card, also scrolled, zoomed and after clip 1 is retimed', async () => {
    const { page, logs } = app
    const item = await openWithTone(page)
    // Before moving it, clip 1's start is clip 1's card's left edge.
    expect(Math.abs((await leftOf(item)) - (await leftOf(card(page, 0))))).toBeLessThanOrEqual(1)

    // Dragged to within a few pixels of clip 3's card, it lands on the card's edge: clip 3's start, 15 s.
    const box = (await item.boundingBox())!
    const toCard = (await leftOf(card(page, 2))) + 5 - box.x
    await page.mouse.move(box.x + 10, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 10 + toCard / 2, box.y + box.height / 2, { steps: 4 })
    await page.mouse.move(box.x + 10 + toCard, box.y + box.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(() => item.getAttribute('aria-label')).toBe('tone.wav, at 15.0 s for 1.0 s')
    expect(await page.getByLabel('Stays with').locator('option:checked').textContent()).toBe('clip 3')
    const aligned = async (): Promise<number> => Math.abs((await leftOf(item)) - (await leftOf(card(page, 2))))
    expect(await aligned()).toBeLessThanOrEqual(1)

    // Zoomed in, the track outgrows the window; a wheel over the clips scrolls the lanes with them to clip 3.
    await page.getByRole('slider', { name: 'Zoom' }).fill('110')
    const track = page.locator('.timeline__track')
    await track.hover()
    await page.mouse.wheel(0, 1000)
    await expect.poll(() => track.evaluate((element) => element.scrollLeft)).toBeGreaterThan(800)
    await expect.poll(aligned).toBeLessThanOrEqual(1)
    // And a sideways wheel over the lanes scrolls the clips.
    const before = await track.evaluate((element) => element.scrollLeft)
    await page.getByTestId('audio-lane').hover()
    await page.mouse.wheel(-400, 0)
    await expect.poll(() => track.evaluate((element) => element.scrollLeft)).toBeLessThan(before - 200)
    await expect.poll(aligned).toBeLessThanOrEqual(1)

    // Clip 1 made 3 s longer (back at the first zoom): clip 3 moves right, and the sound anchored to it with it.
    await page.getByRole('slider', { name: 'Zoom' }).fill('40')
    await track.evaluate((element) => (element.scrollLeft = 0))
    await card(page, 0).locator('.tl-clip__header').click()
    const duration = page.getByRole('spinbutton', { name: 'Duration' })
    await duration.fill('8')
    await duration.press('Tab')
    await expect.poll(() => item.getAttribute('aria-label')).toBe('tone.wav, at 18.0 s for 1.0 s')
    await expect.poll(aligned).toBeLessThanOrEqual(1)
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('adds sound through Add sound… and the OS dialog: the item with its waveform, and a bad file refused with its reason', async () => {
    const { page, logs } = app
    await page.getByRole('button', { name: /^Open…/ }).click()
    await page.getByRole('region', { name: 'Timeline' }).waitFor()
    // Without lanes the Sound bar is one slim row: no lane rows yet.
    expect(await page.getByTestId('audio-lane').count()).toBe(0)
    expect(await page.getByTestId('audio-lane-new').count()).toBe(0)

    chosenSound = [audioFixture('not-audio.mp3')]
    await page.getByRole('button', { name: 'Add sound…' }).click()
    await page.getByText('not-audio.mp3 is not a sound file Omniboard reads.').waitFor()
    expect(await page.getByTestId('audio-item').count()).toBe(0)

    chosenSound = [audioFixture('tone-1k-1s.wav')]
    await page.getByRole('button', { name: 'Add sound…' }).click()
    const item = page.getByTestId('audio-item')
    await expect.poll(() => item.getAttribute('aria-label')).toBe('tone-1k-1s.wav, at 0.0 s for 1.0 s')
    expect(await page.getByTestId('audio-lane').count()).toBe(1)
    await expect.poll(() => litPixels(item)).toBeGreaterThan(100)
    expect(logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

/** How many pixels of an item's waveform canvas are drawn. */
function litPixels(item: ReturnType<Harness['page']['locator']>): Promise<number> {
  return item.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let count = 0
    for (let at = 3; at < data.length; at += 4) if (data[at]! > 0) count++
    return count
  })
}
