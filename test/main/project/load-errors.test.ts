import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import { PROJECT_SCHEMA_VERSION } from '../../../src/shared/domain/project'
import { tempDir, testDeps } from './temp-project'

/** A saved, closed project whose project.json the test then edits like another program would. */
async function savedProject(): Promise<{ dir: string; file: string; json: Record<string, unknown> }> {
  const session = await createProject(await tempDir(), 'Damaged', testDeps())
  await session.close()
  const file = path.join(session.dir, 'project.json')
  return { dir: session.dir, file, json: JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown> }
}

const opening = (dir: string) => openProjectSession(dir, testDeps())

describe('opening a project that cannot be used', () => {
  it('reports a missing folder or a folder without project.json as not found', async () => {
    const parent = await tempDir()
    await expect(opening(path.join(parent, 'Gone.omniboard'))).rejects.toMatchObject({ error: { code: 'project_not_found' } })
    await fs.mkdir(path.join(parent, 'Empty.omniboard'))
    await expect(opening(path.join(parent, 'Empty.omniboard'))).rejects.toMatchObject({ error: { code: 'project_not_found' } })
  })

  it('reports invalid JSON as corrupt and leaves the file exactly as it was', async () => {
    const { dir, file } = await savedProject()
    await fs.writeFile(file, '{ "schemaVersion": 2, "name": ')
    await expect(opening(dir)).rejects.toMatchObject({ error: { code: 'project_corrupt', message: expect.stringMatching(/not valid JSON/) } })
    expect(await fs.readFile(file, 'utf8')).toBe('{ "schemaVersion": 2, "name": ')
    // A failed open must not leave the project locked.
    await expect(fs.access(path.join(dir, '.omniboard.lock'))).rejects.toThrow()
  })

  it('names the damaged field when the file does not match the schema', async () => {
    const { dir, file, json } = await savedProject()
    const clips = json.clips as Record<string, unknown>[]
    clips[0]!.mode = 'ultra'
    await fs.writeFile(file, JSON.stringify(json))
    await expect(opening(dir)).rejects.toMatchObject({ error: { code: 'project_corrupt', message: expect.stringContaining('clips.0.mode') } })
  })

  it('points to a valid project.json.bak in the hint when there is one', async () => {
    const session = await createProject(await tempDir(), 'With backup', testDeps())
    session.applyEdits([{ type: 'renameProject', name: 'Saved twice' }])
    await session.close()
    await fs.writeFile(path.join(session.dir, 'project.json'), 'garbage')
    await expect(opening(session.dir)).rejects.toMatchObject({ error: { code: 'project_corrupt', hint: expect.stringContaining('project.json.bak') } })
  })

  it('rejects a take file name that escapes the folder as corrupt', async () => {
    const { dir, file, json } = await savedProject()
    const clipId = (json.clips as { id: string }[])[0]!.id
    json.takes = [
      {
        id: 'evil',
        clipId,
        status: 'completed',
        request: {},
        taskId: null,
        remoteStatus: null,
        createdAt: 'x',
        updatedAt: 'x',
        submittedAt: null,
        finishedAt: null,
        error: null,
        files: [{ index: 0, url: 'https://x.invalid/a.mp4', fileName: '../../etc/passwd', bytes: null }],
      },
    ]
    await fs.writeFile(file, JSON.stringify(json))
    await expect(opening(dir)).rejects.toMatchObject({ error: { code: 'project_corrupt', message: expect.stringContaining('takes.0.files.0.fileName') } })
  })

  it('refuses a project from a newer Omniboard without touching it', async () => {
    const { dir, file, json } = await savedProject()
    json.schemaVersion = PROJECT_SCHEMA_VERSION + 1
    await fs.writeFile(file, JSON.stringify(json))
    const before = await fs.readFile(file)
    await expect(opening(dir)).rejects.toMatchObject({
      error: { code: 'project_too_new', message: expect.stringContaining('newer Omniboard'), hint: expect.stringContaining('Update') },
    })
    expect(await fs.readFile(file)).toEqual(before)
  })

  it('reports a missing or nonsensical schemaVersion as corrupt', async () => {
    const { dir, file, json } = await savedProject()
    json.schemaVersion = '2'
    await fs.writeFile(file, JSON.stringify(json))
    await expect(opening(dir)).rejects.toMatchObject({ error: { code: 'project_corrupt' } })
  })

  it('opens a project when given the path of its project.json', async () => {
    const { dir, file } = await savedProject()
    const session = await opening(file)
    expect(session.dir).toBe(dir)
    await session.close()
  })
})

describe('links inside a project folder', () => {
  it('refuses to open a project whose assets folder is a link to somewhere else', async () => {
    const { dir } = await savedProject()
    const elsewhere = await tempDir()
    await fs.rm(path.join(dir, 'assets'), { recursive: true })
    await fs.symlink(elsewhere, path.join(dir, 'assets'))
    await expect(opening(dir)).rejects.toMatchObject({ error: { code: 'project_unsafe_file', message: expect.stringContaining('assets → ') } })
    expect(await fs.readdir(elsewhere)).toEqual([])
  })

  it('recreates sub-folders a copy left out, such as empty ones git does not keep', async () => {
    const { dir } = await savedProject()
    await fs.rm(path.join(dir, 'takes'), { recursive: true })
    const session = await opening(dir)
    expect((await fs.stat(path.join(dir, 'takes'))).isDirectory()).toBe(true)
    await session.close()
  })
})
