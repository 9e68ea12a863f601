import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readScriptFile } from '../../src/main/services/script/read-script-file'
import { isAppErrorException } from '../../src/shared/errors'
import { MAX_SCRIPT_BYTES } from '../../src/shared/script/screenplay'
import { badScripts } from './support/bad-scripts'
import { expectPlainError, snapshotFolder, startMain, type MainUnderTest } from '../support/main-under-test'

/** One project for the whole file: every refused script must leave it exactly as it was. */
let main: MainUnderTest
let projectDir: string
let desktop: string

beforeAll(async () => {
  main = await startMain()
  projectDir = (await main.call('project:create', { name: 'Bad scripts' })).path
  await main.call('project:edit', { ops: [{ type: 'renameProject', name: 'Bad scripts, kept' }] })
  await main.call('project:saveNow', {})
  desktop = path.join(main.documentsDir, '..', 'Desktop')
  await fs.mkdir(desktop)
})
afterAll(() => main.dispose())

describe('a bad script is refused in plain words, typed, and the project is unchanged', () => {
  for (const bad of badScripts) {
    it(`script:read refuses ${bad.kind} with ${bad.code}`, async () => {
      const before = await snapshotFolder(projectDir)
      const projectBefore = (await main.call('project:read', {}))!
      // As the page sends it: the real size, and at most one byte past the bound.
      const bytes = bad.bytes()
      const error = await main.refusal('script:read', { name: bad.name, size: bytes.byteLength, bytes: bytes.subarray(0, MAX_SCRIPT_BYTES + 1) })
      expectPlainError(error, bad.code, bad.message)
      expect(error.hint).not.toBe('')
      expect(await snapshotFolder(projectDir)).toEqual(before)
      expect(await main.call('project:read', {})).toEqual(projectBefore)
    })

    it(`reading ${bad.kind} from disk (the terminal's way) is refused the same`, async () => {
      const file = path.join(desktop, bad.name)
      await fs.writeFile(file, bad.bytes())
      const error = await readScriptFile(file).then(() => null, (e: unknown) => (isAppErrorException(e) ? e.error : e))
      expect(error).toMatchObject({ code: bad.code })
    })
  }

  it('refuses a page sending more bytes than a script can have, or a size smaller than its bytes', async () => {
    const bytes = new Uint8Array(MAX_SCRIPT_BYTES + 2).fill(65)
    expect((await main.refusal('script:read', { name: 'Big.fountain', size: bytes.byteLength, bytes })).code).toBe('invalid_request')
    const lying = await main.refusal('script:read', { name: 'Big.fountain', size: 10, bytes: bytes.subarray(0, MAX_SCRIPT_BYTES + 1) })
    expect(lying.code).toBe('script_too_large')
  })

  it('refuses a huge file from its size alone, without reading it', async () => {
    const file = path.join(desktop, 'Huge.fountain')
    await fs.writeFile(file, '')
    await fs.truncate(file, 3 * 1024 * 1024 * 1024)
    const error = await readScriptFile(file).then(() => null, (e: unknown) => (isAppErrorException(e) ? e.error : e))
    expect(error).toMatchObject({ code: 'script_too_large', message: expect.stringMatching(/3072\.0 MB/) })
  })
})

describe.skipIf(process.platform === 'win32')('a script path that is not a plain file', () => {
  it('is refused at once when it is a FIFO, without waiting for a writer', async () => {
    const fifo = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-fifo-')), 'Pipe.fountain')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    const error = await readScriptFile(fifo).then(() => null, (e: unknown) => (isAppErrorException(e) ? e.error : e))
    expect(error).toMatchObject({ code: 'script_unreadable', message: 'Pipe.fountain is not a file.' })
    expect(Date.now() - started).toBeLessThan(2000)
    await fs.rm(path.dirname(fifo), { recursive: true })
  })
})
