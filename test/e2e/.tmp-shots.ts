// Temporary visual-review script (not committed).
import { closeBrowser, launchHarness } from './harness'

const which = process.argv[2] ?? 'all'
const w = Number(process.argv[3] ?? 1440), h = Number(process.argv[4] ?? 900)
const app = await launchHarness({ viewport: { width: w, height: h } })
const page = app.page
const emit = (e: string, p: unknown) => page.evaluate(([e, p]) => (window as any).__omniboardEmit(e, p), [e, p] as const)
try {
  await page.waitForTimeout(400)
  if (which === 'welcome' || which === 'all') await page.screenshot({ path: '/tmp/shots/welcome.png' })
  if (which === 'new' || which === 'all') {
    await page.getByRole('button', { name: 'New project' }).click()
    await page.getByLabel('Project name').fill('Rainy Tokyo teaser')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.waitForTimeout(600)
    await page.screenshot({ path: '/tmp/shots/new.png' })
  }
  if (which === 'sample' || which === 'all' || which === 'gen') {
    if (which === 'all') { await page.getByRole('button', { name: 'Close project' }).click(); await page.waitForTimeout(300) }
    await page.getByRole('button', { name: /sample/i }).first().click()
    await page.waitForTimeout(600)
    await page.getByRole('group', { name: 'Clip 2' }).click({ position: { x: 200, y: 10 } })
    await page.waitForTimeout(300)
    await page.screenshot({ path: '/tmp/shots/sample.png' })
    const clipId = await page.evaluate(() => 'x')
    void clipId
  }
  if (which === 'gen' || which === 'all') {
    const snap: any = await page.evaluate(() => (window as any).omniboard.invoke['project:read']({}))
    const clip = snap.value.project.clips[1]
    const now = Date.now()
    const take = (id: string, status: string, ago: number, extra = {}) => ({ id, clipId: clip.id, status, request: { duration: 10, mode: 'pro', sound: 'off' }, taskId: 't' + id, remoteStatus: null, createdAt: new Date(now - ago).toISOString(), updatedAt: new Date(now).toISOString(), submittedAt: null, finishedAt: status === 'failed' ? new Date(now - ago + 40000).toISOString() : null, error: null, files: [], ...extra })
    await emit('take:updated', { take: take('take1', 'failed', 600000, { error: { code: 'download_failed', message: 'The video could not be downloaded.', hint: 'Check your connection and retry the download.' } }) })
    await emit('take:updated', { take: take('take2', 'processing', 95000) })
    await emit('job:progress', { takeId: 'take2', clipId: clip.id, status: 'processing', elapsedMs: 95000, estimatedRemainingMs: 60000, downloadedBytes: null, totalBytes: null })
    await page.waitForTimeout(400)
    await page.screenshot({ path: '/tmp/shots/gen.png' })
  }
  if (which === 'recent') {
    await page.getByRole('button', { name: /sample/i }).first().click()
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: 'Close project' }).click()
    await page.waitForTimeout(300)
    await page.getByRole('button', { name: 'New project' }).click()
    await page.getByLabel('Project name').fill('Rainy Tokyo teaser')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: 'Close project' }).click()
    await page.waitForTimeout(400)
    await page.screenshot({ path: '/tmp/shots/recent.png' })
    await page.getByRole('button', { name: 'Settings and API key' }).click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: '/tmp/shots/settings.png' })
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    await page.waitForTimeout(300)
    await page.screenshot({ path: '/tmp/shots/help.png' })
  }
  for (const line of app.logs) if (/error/i.test(line)) console.log(line)
} finally {
  await app.close()
  await closeBrowser()
}
