import sharp from 'sharp'
import type { Page } from 'playwright-core'

/**
 * Reads the frame numbers that `test/fixtures/media/counter-*.mp4` carry as a binary code: on the 640×360 picture,
 * eight 64×48 blocks from x = 64 (most significant bit first) at y = 240, white for 1, and below them at y = 288
 * the same bits inverted, so a misread block (a blend of two frames, a wrong position) is caught, not taken as a
 * number.
 */
const CODE = { width: 640, height: 360, left: 64, block: 64, dataY: 264, checkY: 312, bits: 8 }

type VideoBox = { x: number; y: number; width: number; height: number; videoWidth: number; videoHeight: number; scale: number }

/** Where each matching video's picture is on screen (object-fit: contain), in screenshot pixels. */
async function pictureBoxes(page: Page, selector: string): Promise<VideoBox[]> {
  return page.evaluate((css) => [...document.querySelectorAll<HTMLVideoElement>(css)].map((video) => {
    const rect = video.getBoundingClientRect()
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, videoWidth: video.videoWidth, videoHeight: video.videoHeight, scale: window.devicePixelRatio }
  }), selector)
}

/**
 * One screenshot of the part of the page that holds all matching videos (a smaller capture stalls the page less), and
 * the frame number each video shows in it.
 */
export async function framesOnScreen(page: Page, selector: string): Promise<number[]> {
  const boxes = await pictureBoxes(page, selector)
  const clip = {
    x: Math.min(...boxes.map((b) => b.x)),
    y: Math.min(...boxes.map((b) => b.y)),
    width: Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x)),
    height: Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y)),
  }
  const png = await page.screenshot({ clip })
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const luma = (x: number, y: number) => {
    // The mean of a 5×5 patch, so a compression speck does not flip a bit.
    let sum = 0
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const at = ((Math.round(y) + dy) * info.width + Math.round(x) + dx) * info.channels
        sum += 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!
      }
    }
    return sum / 25
  }
  return boxes.map((box, index) => {
    if (box.videoWidth !== CODE.width || box.videoHeight !== CODE.height) throw new Error(`video ${index} is ${box.videoWidth}×${box.videoHeight}, not a counter fixture`)
    const fit = Math.min(box.width / CODE.width, box.height / CODE.height)
    const left = box.x - clip.x + (box.width - CODE.width * fit) / 2
    const top = box.y - clip.y + (box.height - CODE.height * fit) / 2
    const at = (x: number, y: number) => luma((left + x * fit) * box.scale, (top + y * fit) * box.scale)
    let frame = 0
    for (let bit = 0; bit < CODE.bits; bit++) {
      const x = CODE.left + bit * CODE.block + CODE.block / 2
      const one = at(x, CODE.dataY) > 128
      if (one === (at(x, CODE.checkY) > 128)) throw new Error(`video ${index}: bit ${bit} of the frame code is unreadable`)
      frame = frame * 2 + (one ? 1 : 0)
    }
    return frame
  })
}
