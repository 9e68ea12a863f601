import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import type { Project } from '../../../src/shared/domain/project'
import { startMain, type MainUnderTest } from '../../support/main-under-test'
import { completedTake, fixturePath, fixtures } from '../media/film-fixtures'
import { readFilm } from '../media/film-project'

let main: MainUnderTest
const revealed: string[] = []
beforeEach(async () => {
  revealed.length = 0
  main = await startMain({ store: createMemoryStore({ firstStartDone: true }), showItemInFolder: (file) => void revealed.push(file) })
})
afterEach(() => main.dispose())

/** A saved project whose first clip has a finished take on disk and whose second has none (or `secondTake`). */
async function projectWithOneTake(secondTake: string | null = null): Promise<string> {
  const created = await main.call('project:create', { name: 'Dock scene' })
  await main.call('project:close', {})
  const file = path.join(created.path, 'project.json')
  const project = JSON.parse(await fs.readFile(file, 'utf8')) as Project
  const [first] = project.clips
  const second = { ...first!, id: 'second-clip', title: 'Gulls', duration: 4, chosenTakeId: null }
  project.clips = [{ ...first!, chosenTakeId: 'take-1' }, second]
  project.takes = [completedTake('take-1', first!.id, 'take-1-0.mp4')]
  await fs.mkdir(path.join(created.path, 'takes'), { recursive: true })
  await fs.copyFile(fixturePath(fixtures.soundA), path.join(created.path, 'takes', 'take-1-0.mp4'))
  if (secondTake !== null) {
    project.takes.push(completedTake('take-2', second.id, 'take-2-0.mp4'))
    await fs.copyFile(fixturePath(secondTake), path.join(created.path, 'takes', 'take-2-0.mp4'))
  }
  await fs.writeFile(file, JSON.stringify(project))
  await main.call('project:open', { path: created.path })
  return created.path
}

describe('film channels', () => {
  it('plans the cut from the files on disk: the take for its real length, an animatic hold for the clip without one', async () => {
    await projectWithOneTake()
    const plan = await main.call('film:plan', {})
    expect(plan.entries.map((entry) => [entry.kind, entry.startSeconds, entry.durationSeconds])).toEqual([
      ['take', 0, 2],
      ['animatic', 2, 4],
    ])
  })

  it('exports the film into the project, reports progress, and reveals it in the exports folder', async () => {
    const dir = await projectWithOneTake()
    const result = await main.call('film:export', { includeAnimatic: false })

    expect(path.dirname(result.path)).toBe(path.join(dir, 'exports'))
    expect((await readFilm(result.path)).frames).toBe(48)
    expect(main.events.filter((event) => event.event === 'film:exportProgress').at(-1)?.payload).toEqual({ phase: 'copying', fraction: 1 })
    expect(await main.call('export:showInFolder', { path: path.join(dir, 'project.json') })).toEqual({ shown: false })
    expect(await main.call('export:showInFolder', { path: result.path })).toEqual({ shown: true })
    expect(revealed).toEqual([result.path])
    expect(await main.call('film:cancelExport', {})).toEqual({ cancelled: false })
  })

  it('runs one export at a time, and cancels the running one without leaving a file', async () => {
    const dir = await projectWithOneTake(fixtures.wide)
    const running = main.dispatch('film:export', { includeAnimatic: false })
    expect(await main.refusal('film:export', { includeAnimatic: false })).toMatchObject({ code: 'job_busy' })
    expect(await main.call('film:cancelExport', {})).toEqual({ cancelled: true })

    expect(await running).toMatchObject({ ok: false, error: { code: 'export_cancelled' } })
    expect(await fs.readdir(path.join(dir, 'exports'))).toEqual([])
    expect((await main.call('film:export', { includeAnimatic: false })).method).toBe('encode')
  })
})
