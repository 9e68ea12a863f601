import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadProject } from '../../src/main/services/project'
import { createProject } from '../../src/main/services/project/open-project'
import { tempDir, testDeps } from '../main/project/temp-project'
import { badScripts } from '../faults/support/bad-scripts'
import { runInProcess } from './cli-harness'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scripts/${name}`, import.meta.url))

async function newProject(): Promise<string> {
  const session = await createProject(await tempDir(), 'Lighthouse', testDeps())
  await session.close()
  return session.dir
}

describe('omniboard import-script', () => {
  it('prints the breakdown of the chosen scenes and appends their clips, with new characters as elements', async () => {
    const dir = await newProject()
    const before = (await loadProject(dir)).project.clips.length
    const run = await runInProcess(['import-script', dir, fixture('lighthouse.fountain'), '--scenes', '12-12'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain('The Lighthouse Keeper: 2 of 4 scenes, 8 clips')
    expect(run.stdout).toContain('12 INT. LIGHTHOUSE — NIGHT  (p. 1 · ')
    expect(run.stdout).toMatch(/· 3 +4 s {2}ÉLODIE \(to herself\): Not tonight\. Not on my watch\..*\[Élodie, Tomas\]/)
    expect(run.stdout).toContain('New elements, each waiting for a frontal image: Élodie, Tomas')
    const { project } = await loadProject(dir)
    expect(project.clips.length).toBe(before + 8)
    expect(project.clips.slice(before).map((clip) => clip.title)).toEqual([...[1, 2, 3, 4, 5].map((n) => `12 INT. LIGHTHOUSE — NIGHT · ${n}`), ...[1, 2, 3].map((n) => `12A EXT. LIGHTHOUSE DOOR — CONTINUOUS · ${n}`)])
    expect(project.elements.map((element) => [element.name, element.frontalAssetId])).toEqual([['Élodie', null], ['Tomas', null]])
  })

  it('changes nothing with --dry-run, and brings a newer draft in scene by scene', async () => {
    const dir = await newProject()
    const file = path.join(dir, 'project.json')
    const untouched = await fs.readFile(file, 'utf8')
    const dry = await runInProcess(['import-script', dir, fixture('lighthouse.fdx'), '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('12A EXT. LIGHTHOUSE DOOR — CONTINUOUS  (p. 4 · 4/8 page)')
    expect(dry.stdout).toContain('12 INT. LIGHTHOUSE — NIGHT  (p. 3 · 1 3/8 pages)')
    expect(await fs.readFile(file, 'utf8')).toBe(untouched)

    expect((await runInProcess(['import-script', dir, fixture('lighthouse.fountain')])).code).toBe(0)
    const draft = await runInProcess(['import-script', dir, fixture('lighthouse-draft2.fountain')])
    expect(draft.code).toBe(0)
    expect(draft.stdout).toMatch(/^changed +12 INT\. LIGHTHOUSE — NIGHT$/m)
    expect(draft.stdout).toMatch(/^new +14 INT\. LAMP ROOM — LATER$/m)
    expect(draft.stdout).toMatch(/^gone +13 FLASHBACK — THE HARBOUR, 1979$/m)
  })

  it('refuses a bad script with exit 3 and a bad --scenes with exit 2, leaving the project as it was', async () => {
    const dir = await newProject()
    const file = path.join(dir, 'project.json')
    const untouched = await fs.readFile(file, 'utf8')
    const folder = await tempDir()
    for (const bad of badScripts) {
      const script = path.join(folder, bad.name)
      await fs.writeFile(script, bad.bytes())
      const run = await runInProcess(['import-script', dir, script])
      expect([bad.kind, run.code]).toEqual([bad.kind, 3])
      expect(run.stderr).toMatch(bad.message)
    }
    expect((await runInProcess(['import-script', dir, fixture('lighthouse.fountain'), '--scenes', '7-3'])).code).toBe(2)
    expect((await runInProcess(['import-script', dir, fixture('lighthouse.fountain'), '--scenes', '90-99'])).code).toBe(2)
    expect((await runInProcess(['import-script', dir])).code).toBe(2)
    expect(await fs.readFile(file, 'utf8')).toBe(untouched)
  })
})
