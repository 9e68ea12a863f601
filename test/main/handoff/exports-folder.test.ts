import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportHandoff, type HandoffSource } from '../../../src/main/services/handoff/export-handoff'
import type { PdfPrinter } from '../../../src/main/services/handoff/pdf-printer'
import { writeFilm } from '../../../src/main/services/media/film-file'
import { loadProject } from '../../../src/main/services/project'
import type { HandoffFormat } from '../../../src/shared/interchange/handoff-format'
import { defaultSettings } from '../../../src/shared/settings'
import { appErrorOf } from '../mulerouter/helpers'
import { snapshotFolder, tempDir } from '../project/temp-project'
import { exportsOf, projectWithTakes } from './handoff-project'

const prices = defaultSettings('/tmp').prices
const source = async (dir: string): Promise<HandoffSource> => ({ dir, project: (await loadProject(dir)).project, prices })
/** Prints the page as it is, so a test can see what would have gone into the PDF. */
const printer: PdfPrinter = { printHtml: async (html) => new TextEncoder().encode(html) }
const formats: HandoffFormat[] = ['otio', 'fcpxml', 'edl', 'csv', 'pdf']
const day = new Date(2026, 2, 4, 15, 30)
const filmName = 'Harbour film 2026-03-04.mp4'
const filmBytes = (tempPath: string) => fs.writeFile(tempPath, 'the film')

const refusal = (promise: Promise<unknown>) => appErrorOf(() => promise)

/** Lists exports/ as a user sees it: the app's hidden record of what it wrote left out. */
const exportedNames = async (dir: string): Promise<string[]> => (await fs.readdir(exportsOf(dir))).filter((name) => !name.startsWith('.')).sort()

describe('exports/ that is not a real folder', () => {
  it('refuses every export when exports/ is a link to another folder, and nothing there is written or changed', async () => {
    const dir = await projectWithTakes()
    const outside = await tempDir()
    for (const name of [...formats.map((format) => `Harbour film.${format}`), filmName]) await fs.writeFile(path.join(outside, name), `canary: ${name}`)
    await fs.symlink(outside, exportsOf(dir))
    const before = await snapshotFolder(outside)

    for (const format of formats) {
      const error = await refusal(exportHandoff(await source(dir), format, printer))
      expect(error).toMatchObject({ code: 'project_unsafe_file', message: expect.stringContaining(`exports → ${outside}`) })
    }
    let encoded = false
    const film = await refusal(writeFilm(dir, 'Harbour film', day, async (tempPath) => {
      encoded = true
      await filmBytes(tempPath)
    }))
    expect(film.code).toBe('project_unsafe_file')
    expect(encoded).toBe(false)
    expect(await snapshotFolder(outside)).toEqual(before)
  })

  it('says exports should be a folder when it is a plain file, and leaves the file as it was', async () => {
    const dir = await projectWithTakes()
    await fs.writeFile(exportsOf(dir), 'my notes')
    const attempts = [async () => exportHandoff(await source(dir), 'otio', null), () => writeFilm(dir, 'Harbour film', day, filmBytes)]
    for (const attempt of attempts) {
      expect(await refusal(attempt())).toMatchObject({
        code: 'project_unsafe_file',
        message: 'exports in the project folder should be a folder, but it is a plain file.',
        hint: expect.stringContaining('Move exports out of the project folder'),
      })
    }
    expect(await fs.readFile(exportsOf(dir), 'utf8')).toBe('my notes')
  })
})

describe('files in exports/ the app did not write', () => {
  it('writes beside a user’s file of the same name as " (2)", and a re-export replaces only its own " (2)"', async () => {
    const dir = await projectWithTakes()
    await fs.mkdir(exportsOf(dir))
    const mine = path.join(exportsOf(dir), 'Harbour film.otio')
    await fs.writeFile(mine, 'my own timeline')

    const first = await exportHandoff(await source(dir), 'otio', null)
    const second = await exportHandoff(await source(dir), 'otio', null)
    expect(first.path).toBe(path.join(exportsOf(dir), 'Harbour film (2).otio'))
    expect(second.path).toBe(first.path)
    expect(await exportedNames(dir)).toEqual(['Harbour film (2).otio', 'Harbour film.otio'])
    expect(await fs.readFile(mine, 'utf8')).toBe('my own timeline')
  })

  it('replaces its own previous export on a re-export, so the editor’s copy stays current', async () => {
    const dir = await projectWithTakes()
    const { path: first } = await exportHandoff(await source(dir), 'edl', null)
    const { project } = await loadProject(dir)
    const renamed = { ...project, clips: project.clips.map((clip, index) => (index === 1 ? { ...clip, title: 'Fish market' } : clip)) }
    const { path: second } = await exportHandoff({ dir, project: renamed, prices }, 'edl', null)

    expect(second).toBe(first)
    expect(await exportedNames(dir)).toEqual(['Harbour film.edl'])
    expect(await fs.readFile(second, 'utf8')).toContain('* FROM CLIP NAME: 02 Fish market')
  })

  it('never overwrites a file the user saved over the app’s earlier export', async () => {
    const dir = await projectWithTakes()
    const { path: first } = await exportHandoff(await source(dir), 'csv', null)
    await fs.writeFile(first, 'my edited shot list')
    const { path: second } = await exportHandoff(await source(dir), 'csv', null)

    expect(path.basename(second)).toBe('Harbour film (2).csv')
    expect(await fs.readFile(first, 'utf8')).toBe('my edited shot list')
  })

  it('does not take a record it did not write at its word: a forged claim on a user’s file is ignored', async () => {
    const dir = await projectWithTakes()
    await fs.mkdir(exportsOf(dir))
    const mine = path.join(exportsOf(dir), 'Harbour film.fcpxml')
    await fs.writeFile(mine, 'my own project')
    const forged = { files: [{ name: 'Harbour film.fcpxml', ino: '1', size: '14', mtimeNs: '0' }] }
    await fs.writeFile(path.join(exportsOf(dir), '.omniboard-exports.json'), JSON.stringify(forged))

    const { path: written } = await exportHandoff(await source(dir), 'fcpxml', null)
    expect(path.basename(written)).toBe('Harbour film (2).fcpxml')
    expect(await fs.readFile(mine, 'utf8')).toBe('my own project')
  })

  it('does not follow a link at the export’s name: the export takes the next name and the linked file is untouched', async () => {
    const dir = await projectWithTakes()
    const outside = await tempDir()
    const canary = path.join(outside, 'diary.txt')
    await fs.writeFile(canary, 'my secrets')
    await fs.mkdir(exportsOf(dir))
    await fs.symlink(canary, path.join(exportsOf(dir), 'Harbour film.edl'))

    const first = await exportHandoff(await source(dir), 'edl', null)
    const again = await exportHandoff(await source(dir), 'edl', null)
    expect([first.path, again.path].map((file) => path.basename(file))).toEqual(['Harbour film (2).edl', 'Harbour film (2).edl'])
    expect(await fs.readFile(canary, 'utf8')).toBe('my secrets')
    expect((await fs.lstat(path.join(exportsOf(dir), 'Harbour film.edl'))).isSymbolicLink()).toBe(true)
  })
})

describe('a film in exports/', () => {
  it('takes the next name when a link appears at its name while it is being written, and never replaces a film', async () => {
    const dir = await tempDir()
    const outside = await tempDir()
    const canary = path.join(outside, 'diary.txt')
    await fs.writeFile(canary, 'my secrets')
    const first = await writeFilm(dir, 'Harbour film', day, async (tempPath) => {
      await fs.symlink(canary, path.join(exportsOf(dir), filmName))
      await filmBytes(tempPath)
    })
    const second = await writeFilm(dir, 'Harbour film', day, filmBytes)

    expect([first, second].map((file) => path.basename(file))).toEqual(['Harbour film 2026-03-04 (2).mp4', 'Harbour film 2026-03-04 (3).mp4'])
    expect(await fs.readFile(canary, 'utf8')).toBe('my secrets')
    expect(await fs.readdir(exportsOf(dir))).toHaveLength(3)
  })

  it('leaves nothing behind when the encoder fails', async () => {
    const dir = await tempDir()
    const failing = writeFilm(dir, 'Harbour film', day, async (tempPath) => {
      await fs.writeFile(tempPath, 'half a film')
      throw new Error('encoder crashed')
    })
    await expect(failing).rejects.toThrow('encoder crashed')
    expect(await fs.readdir(exportsOf(dir))).toEqual([])
  })
})
