// Temporary functional probe (not committed).
import sharp from 'sharp'
import { closeBrowser, launchHarness } from './harness'

const app = await launchHarness({ viewport: { width: 1440, height: 900 } })
const page = app.page
const img = async (w: number, h: number, color: string) => (await sharp({ create: { width: w, height: h, channels: 3, background: color } }).png().toBuffer()).toString('base64')
async function dropFile(label: string, name: string, b64: string) {
  const target = page.getByRole('button', { name: label, exact: true })
  const handle = await page.evaluateHandle(([name, b64]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const dt = new DataTransfer()
    dt.items.add(new File([bytes], name, { type: 'image/png' }))
    return dt
  }, [name, b64] as const)
  await target.dispatchEvent('dragenter', { dataTransfer: handle })
  await target.dispatchEvent('dragover', { dataTransfer: handle })
  await target.dispatchEvent('drop', { dataTransfer: handle })
}
try {
  await page.getByRole('button', { name: 'New project' }).click()
  await page.getByLabel('Project name').fill('Probe')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.waitForTimeout(500)
  await dropFile('First frame of clip 1', 'sunrise.png', await img(1280, 720, '#f59e0b'))
  await page.waitForTimeout(600)
  await dropFile('Last frame of clip 1', 'tiny.png', await img(240, 240, '#38bdf8'))
  await page.waitForTimeout(300)
  console.log('alert:', await page.getByRole('alert').allTextContents())
  await page.screenshot({ path: '/tmp/shots/func1.png' })
  await page.getByLabel('Prompt', { exact: true }).fill('A harbour at sunrise')
  await page.getByRole('radio', { name: 'Multi-shot' }).click()
  await page.getByRole('button', { name: 'Add shot' }).click()
  await page.getByRole('button', { name: 'Add shot' }).click()
  await page.getByLabel('Shot 2 prompt').fill('Gulls lift off')
  await page.getByLabel('Shot 3 prompt').fill('The sun breaks the clouds')
  const handle = page.getByRole('separator', { name: /Boundary between shot 1 and shot 2/ })
  const box = (await handle.boundingBox())!
  await page.mouse.move(box.x + 3, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + 3 + 85, box.y + box.height / 2, { steps: 5 })
  await page.screenshot({ path: '/tmp/shots/func2.png' })
  await page.mouse.up()
  const snap: any = await page.evaluate(() => (window as any).omniboard.invoke['project:read']({}))
  await page.waitForTimeout(300)
  const snap2: any = await page.evaluate(() => (window as any).omniboard.invoke['project:read']({}))
  console.log('shots', JSON.stringify(snap2.value.project.clips[0].shots.map((s: any) => [s.prompt, s.duration])), snap2.value.project.clips[0].duration, 'first', !!snap2.value.project.clips[0].firstFrameAssetId, 'assets', snap2.value.project.assets.length)
  void snap
  await page.keyboard.press('Control+z')
  await page.waitForTimeout(300)
  const snap3: any = await page.evaluate(() => (window as any).omniboard.invoke['project:read']({}))
  console.log('after undo', JSON.stringify(snap3.value.project.clips[0].shots.map((s: any) => s.duration)))
  await page.screenshot({ path: '/tmp/shots/func3.png' })
  for (const line of app.logs) console.log('LOG', line)
} finally {
  await app.close()
  await closeBrowser()
}
