import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startMain, type MainUnderTest } from '../../support/main-under-test'
import { projectWithTakes } from './handoff-project'

let main: MainUnderTest | null = null
afterEach(async () => {
  await main?.dispose()
  main = null
})

async function openWithTakes(shown: string[] = []) {
  main = await startMain({ showItemInFolder: (file) => void shown.push(file) })
  const dir = await projectWithTakes()
  await main.call('project:open', { path: dir })
  return { main, dir }
}

describe('hand-off over IPC', () => {
  it('exports the open project, unsaved edits included, into its exports folder and reveals only files there', async () => {
    const shown: string[] = []
    const { main, dir } = await openWithTakes(shown)
    await main.call('project:edit', { ops: [{ type: 'updateClip', clipId: 'clip-market', patch: { title: 'Fish market' } }] })
    const result = await main.call('export:handoff', { format: 'edl' })
    expect(result).toEqual({ path: path.join(dir, 'exports', 'Harbour film.edl'), warnings: [] })
    expect(await fs.readFile(result.path, 'utf8')).toContain('* FROM CLIP NAME: 02 Fish market')

    expect(await main.call('export:showInFolder', { path: result.path })).toEqual({ shown: true })
    expect(await main.call('export:showInFolder', { path: path.join(dir, 'project.json') })).toEqual({ shown: false })
    expect(await main.call('export:showInFolder', { path: path.join(dir, 'exports', '..', '..', 'elsewhere.edl') })).toEqual({ shown: false })
    expect(shown).toEqual([result.path])
  })

  it('writes the .otio with absolute take URLs unless the renderer asks for paths relative to it', async () => {
    const { main, dir } = await openWithTakes()
    const urls = async (otioMediaPaths?: 'relative') => {
      const written = await main.call('export:handoff', otioMediaPaths ? { format: 'otio', otioMediaPaths } : { format: 'otio' })
      return [...(await fs.readFile(written.path, 'utf8')).matchAll(/"target_url": "([^"]+)"/g)].map((match) => match[1])[0]
    }
    expect(await urls()).toBe(pathToFileURL(path.join(dir, 'takes', 'take-h2-0.mp4')).href)
    expect(await urls('relative')).toBe('../takes/take-h2-0.mp4')
  })

  it('turns a shot list into clips without touching the project, so the renderer can append them as one undoable edit', async () => {
    const { main } = await openWithTakes()
    const csv = (await fs.readFile((await main.call('export:handoff', { format: 'csv' })).path, 'utf8'))
    const before = (await main.call('project:read', {}))!
    const { clips, problems } = await main.call('import:shotList', { text: csv })
    expect(problems).toEqual([])
    expect(clips.map((clip) => clip.title)).toEqual(['Harbour at dawn', 'Market, noon', 'Night', 'Pier'])
    expect((await main.call('project:read', {}))!.revision).toBe(before.revision)

    const { revision } = await main.call('project:edit', { ops: clips.map((clip) => ({ type: 'addClip' as const, clip })) })
    const after = (await main.call('project:read', {}))!
    expect(revision).toBe(before.revision + 1)
    expect(after.project.clips.map((clip) => clip.title)).toEqual([...before.project.clips, ...clips].map((clip) => clip.title))
    expect(after.project.clips[4]?.firstFrameAssetId).toBe(before.project.clips[0]?.firstFrameAssetId)
  })

  it('says why when exports in the project folder is a plain file, instead of "Something went wrong"', async () => {
    const { main, dir } = await openWithTakes()
    await fs.writeFile(path.join(dir, 'exports'), 'my notes')
    expect(await main.refusal('export:handoff', { format: 'otio' })).toMatchObject({
      code: 'project_unsafe_file',
      message: 'exports in the project folder should be a folder, but it is a plain file.',
    })
    expect(await fs.readFile(path.join(dir, 'exports'), 'utf8')).toBe('my notes')
  })

  it('refuses a PDF without a printer and any hand-off without an open project, as typed errors', async () => {
    const { main } = await openWithTakes()
    expect((await main.refusal('export:handoff', { format: 'pdf' })).code).toBe('export_failed')
    await main.call('project:close', {})
    expect((await main.refusal('export:handoff', { format: 'otio' })).code).toBe('project_not_open')
    expect((await main.refusal('import:shotList', { text: 'Prompt\n' })).code).toBe('project_not_open')
  })
})
