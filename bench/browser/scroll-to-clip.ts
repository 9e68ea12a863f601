import type { Locator, Page } from 'playwright-core'

/**
 * Which way clip `number` lies from the clips in the track's visible part (the selected clip stays mounted
 * wherever it is, so only those on screen count): 0 when it is mounted or none is on screen yet.
 */
const WHICH_WAY = `((number) => {
  const view = document.querySelector('.timeline__track').getBoundingClientRect()
  const mounted = [...document.querySelectorAll('.timeline__track [role="group"][aria-label^="Clip "]')]
  if (mounted.some((el) => el.getAttribute('aria-label') === 'Clip ' + number)) return 0
  const shown = mounted.filter((el) => { const r = el.getBoundingClientRect(); return r.right > view.left && r.left < view.right })
    .map((el) => Number(el.getAttribute('aria-label').slice(5)))
  if (shown.length === 0) return 0
  return shown.every((n) => n < number) ? 1 : shown.every((n) => n > number) ? -1 : 0
})`

/**
 * The timeline mounts only the clips near its visible part. As a user drags the scroll bar's thumb toward a clip
 * and lets go where it shows, halve the track until clip `number` is mounted, then bring it into view.
 */
export async function scrollToClip(page: Page, number: number): Promise<Locator> {
  const clip = page.getByRole('group', { name: `Clip ${number}`, exact: true })
  let [low, high] = [0, (await page.evaluate(`document.querySelector('.timeline__track').scrollWidth`)) as number]
  for (let step = 0; step < 80 && (await clip.count()) === 0 && high - low > 1; step++) {
    const at = Math.floor((low + high) / 2)
    await page.evaluate(`document.querySelector('.timeline__track').scrollLeft = ${at}`)
    await page.waitForTimeout(50)
    const direction = (await page.evaluate(`${WHICH_WAY}(${number})`)) as number
    if (direction > 0) low = at
    else if (direction < 0) high = at
  }
  await clip.scrollIntoViewIfNeeded()
  return clip
}
