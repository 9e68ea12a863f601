import type { Locator, Page } from 'playwright-core'

/**
 * The timeline mounts only the clips near its visible part: scroll it a view at a time, as a user does with its
 * scroll bar, until clip `number` is there.
 */
export async function scrollToClip(page: Page, number: number): Promise<Locator> {
  const clip = page.getByRole('group', { name: `Clip ${number}`, exact: true })
  await page.evaluate(`document.querySelector('.timeline__track').scrollLeft = 0`)
  for (let step = 0; step < 1000 && (await clip.count()) === 0; step++) {
    const moved = (await page.evaluate(`(() => {
      const track = document.querySelector('.timeline__track')
      const before = track.scrollLeft
      track.scrollLeft += track.clientWidth * 0.8
      return track.scrollLeft !== before
    })()`)) as boolean
    if (!moved) break
    await page.waitForTimeout(50)
  }
  await clip.scrollIntoViewIfNeeded()
  return clip
}
