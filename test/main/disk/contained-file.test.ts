import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  containedFileSize,
  openContained,
  readContained,
  readContainedInChunks,
  realFolder,
} from '../../../src/main/services/disk/contained-file'
import { tempDir } from '../project/temp-project'

const posixOnly = process.platform === 'win32' ? it.skip : it

/** A project folder with `takes/`, and beside it a canary file whose bytes must never be read. */
async function folderWithCanary() {
  const parent = await tempDir()
  const root = path.join(parent, 'Film.omniboard')
  await fs.mkdir(path.join(root, 'takes'), { recursive: true })
  const canary = path.join(parent, 'secret.mp4')
  await fs.writeFile(canary, 'CANARY-BYTES')
  return { root, canary, parent }
}

const refused = (message: RegExp) => ({ error: { code: 'project_unsafe_file', message: expect.stringMatching(message) } })

describe('openContained: the one door to a project’s files', () => {
  it('reads a plain file inside the project, whole or in chunks', async () => {
    const { root } = await folderWithCanary()
    const file = path.join(root, 'takes', 'a.mp4')
    await fs.writeFile(file, 'abcdefghij')
    expect((await readContained(root, file, 100)).toString()).toBe('abcdefghij')
    expect(await containedFileSize(root, file)).toBe(10)
    const chunks: string[] = []
    for await (const chunk of readContainedInChunks(root, file, 4)) chunks.push(Buffer.from(chunk).toString())
    expect(chunks).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('refuses a file larger than the caller reads, before reading it', async () => {
    const { root } = await folderWithCanary()
    const file = path.join(root, 'project.json')
    await fs.writeFile(file, Buffer.alloc(2 * 1_048_576))
    await expect(readContained(root, file, 1_048_576)).rejects.toMatchObject(refused(/project\.json is larger than/))
  })

  posixOnly('refuses a link to a file outside, naming both ends, and reads nothing of it', async () => {
    const { root, canary } = await folderWithCanary()
    const link = path.join(root, 'takes', '03.mp4')
    await fs.symlink(canary, link)
    const error = await readContained(root, link, 100).catch((cause: unknown) => cause)
    expect(error).toMatchObject(refused(/link that leads out of it: takes\/03\.mp4 → .*secret\.mp4/))
    expect(JSON.stringify(error)).not.toContain('CANARY')
  })

  posixOnly('refuses a file reached through a folder that is a link', async () => {
    const { root, parent } = await folderWithCanary()
    const outside = path.join(parent, 'outside')
    await fs.mkdir(outside)
    await fs.writeFile(path.join(outside, 'x.png'), 'CANARY')
    await fs.rm(path.join(root, 'takes'), { recursive: true })
    await fs.symlink(outside, path.join(root, 'takes'))
    await expect(openContained(root, path.join(root, 'takes', 'x.png'))).rejects.toMatchObject(refused(/takes → /))
  })

  posixOnly('refuses a FIFO at once, without waiting for a writer', async () => {
    const { root } = await folderWithCanary()
    const fifo = path.join(root, 'takes', 'pipe.mp4')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    await expect(readContained(root, fifo, 100)).rejects.toMatchObject(refused(/takes\/pipe\.mp4 .*named pipe/))
    expect(Date.now() - started).toBeLessThan(2000)
  })

  posixOnly('refuses a socket and a folder where a file should be', async () => {
    const { root } = await folderWithCanary()
    const socketPath = path.join(root, 'takes', 's.mp4')
    const server = net.createServer().listen(socketPath)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      await expect(openContained(root, socketPath)).rejects.toMatchObject(refused(/socket/))
    } finally {
      server.close()
    }
    await fs.mkdir(path.join(root, 'takes', 'dir.mp4'))
    await expect(openContained(root, path.join(root, 'takes', 'dir.mp4'))).rejects.toMatchObject(refused(/is a folder/))
  })

  it('refuses a path that climbs out of the project', async () => {
    const { root, canary } = await folderWithCanary()
    await expect(openContained(root, path.join(root, 'takes', '..', '..', path.basename(canary)))).rejects.toMatchObject(refused(/outside the project folder/))
  })
})

describe('realFolder', () => {
  it('makes a missing folder and accepts a real one', async () => {
    const { root } = await folderWithCanary()
    await realFolder(root, path.join(root, 'exports'), { create: true })
    expect((await fs.lstat(path.join(root, 'exports'))).isDirectory()).toBe(true)
    await expect(realFolder(root, path.join(root, 'exports'), { create: false })).resolves.toBe(path.join(root, 'exports'))
  })

  it('says why when a file stands where a folder should be', async () => {
    const { root } = await folderWithCanary()
    await fs.writeFile(path.join(root, 'exports'), 'not a folder')
    await expect(realFolder(root, path.join(root, 'exports'), { create: true })).rejects.toMatchObject(refused(/exports in the project folder should be a folder, but it is a plain file/))
  })

  posixOnly('refuses a folder that is a link, and makes nothing where it points', async () => {
    const { root, parent } = await folderWithCanary()
    const outside = path.join(parent, 'elsewhere')
    await fs.mkdir(outside)
    await fs.symlink(outside, path.join(root, 'exports'))
    await expect(realFolder(root, path.join(root, 'exports'), { create: true })).rejects.toMatchObject(refused(/exports → .*elsewhere/))
    expect(await fs.readdir(outside)).toEqual([])
  })
})

describe('naming a refused link', () => {
  posixOnly('shows where a chain of links ends, and does not call a link inside the project one that leads out', async () => {
    const { root, canary } = await folderWithCanary()
    await fs.symlink(canary, path.join(root, 'last'))
    await fs.symlink(path.join(root, 'last'), path.join(root, 'takes', 'first.mp4'))
    await expect(openContained(root, path.join(root, 'takes', 'first.mp4'))).rejects.toMatchObject(refused(/leads out of it: takes\/first\.mp4 → .*secret\.mp4\./))
    await fs.writeFile(path.join(root, 'takes', 'real.mp4'), 'inside')
    await fs.symlink(path.join(root, 'takes', 'real.mp4'), path.join(root, 'takes', 'alias.mp4'))
    await expect(openContained(root, path.join(root, 'takes', 'alias.mp4'))).rejects.toMatchObject(refused(/contains a link: takes\/alias\.mp4 → .*real\.mp4\./))
  })
})
