import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, launchApp, type Harness } from './harness'

let app: Harness
beforeEach(async () => {
  app = await launchApp()
})
afterEach(async () => app.close())
afterAll(closeBrowser)

/** Creates a project in the UI, then has "another program" rename it in project.json and the user rename it here. */
async function conflictedProject(page: Harness['page']): Promise<string> {
  await page.getByRole('button', { name: /new project/i }).click()
  await page.getByLabel('Project name').fill('Shared film')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.getByRole('button', { name: 'First frame of clip 1', exact: true }).waitFor()
  const opened = await page.evaluate(() => window.omniboard.invoke['project:read']({}))
  if (!opened.ok || !opened.value) throw new Error('no project open')
  const file = join(opened.value.path, 'project.json')
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  await writeFile(file, JSON.stringify({ ...json, name: 'Renamed in a text editor' }, null, 2))
  const name = page.getByLabel('Project name')
  await name.fill('Renamed in Omniboard')
  await name.press('Enter')
  await page.getByRole('alert').filter({ hasText: 'changed this project on disk' }).waitFor()
  return opened.value.path
}

describe('a project changed on disk by another program', () => {
  it('shows a banner; Keep mine saves ours and keeps theirs as a dated copy', async () => {
    const { page } = app
    const dir = await conflictedProject(page)
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/changed-on-disk.png' })
    await page.getByRole('button', { name: 'Keep mine' }).click()
    // The toast naming the copy comes once the save is done.
    await page.getByText(/The other version is kept beside it as project\.changed-/).waitFor()
    expect(await page.getByRole('alert').filter({ hasText: 'changed this project on disk' }).count()).toBe(0)
    const saved = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as { name: string }
    expect(saved.name).toBe('Renamed in Omniboard')
    const copies = (await readdir(dir)).filter((name) => /^project\.changed-\d{4}-\d\d-\d\dT\d{4}\.json$/.test(name))
    expect(copies).toHaveLength(1)
    expect(JSON.parse(await readFile(join(dir, copies[0]!), 'utf8'))).toMatchObject({ name: 'Renamed in a text editor' })
    await page.getByText(copies[0]!, { exact: false }).first().waitFor()
    await page.screenshot({ path: 'test-results/changed-on-disk-kept.png' })
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('Reload from disk shows their version in the editor and saving works again', async () => {
    const { page } = app
    const dir = await conflictedProject(page)
    await page.getByRole('button', { name: 'Reload from disk' }).click()
    await expect.poll(() => page.getByLabel('Project name').inputValue()).toBe('Renamed in a text editor')
    expect(await page.getByRole('alert').filter({ hasText: 'changed this project on disk' }).count()).toBe(0)
    await page.getByLabel('Project name').fill('Agreed name')
    await page.getByLabel('Project name').press('Enter')
    await expect.poll(async () => (JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as { name: string }).name).toBe('Agreed name')
  })
})
