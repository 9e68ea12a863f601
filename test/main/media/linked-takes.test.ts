import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFilm, type FilmSource } from '../../../src/main/services/media/export-film'
import { createFilmExporter } from '../../../src/main/services/media/film-exporter'
import { tempDir } from '../project/temp-project'
import { fixturePath, fixtures } from './film-fixtures'
import { errorOf, makeFilmProject } from './film-project'

const deps = { now: () => new Date(2026, 2, 4, 15, 30) }

/** Every regular file under `dir` (links are not followed), with its bytes. */
async function filesIn(dir: string): Promise<Buffer[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => fs.readFile(path.join(entry.parentPath, entry.name))))
}

describe('a take that is a link to a video outside the project', () => {
  it('stops the film export and the player, naming the clip and the link, and no byte of the outside video lands anywhere', async () => {
    // The outside video has the same format as the takes, so an export that followed the link would copy it in whole.
    const outside = path.join(await tempDir(), 'private.mp4')
    await fs.copyFile(fixturePath(fixtures.soundB), outside)
    const source: FilmSource = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.silent }])
    await fs.rm(source.takeFilePath('t2-0.mp4'))
    await fs.symlink(outside, source.takeFilePath('t2-0.mp4'))

    for (const includeAnimatic of [false, true]) {
      const error = await errorOf(exportFilm(source, { includeAnimatic }, deps, new AbortController().signal, () => undefined))
      expect([error.code, error.message]).toEqual(['project_unsafe_file', expect.stringMatching(/^Clip 2: .*takes\/t2-0\.mp4 → /)])
    }
    const planned = await createFilmExporter({ ...deps, onProgress: () => undefined }).plan(source)
    expect(planned.entries.map((entry) => entry.kind)).toEqual(['take', 'animatic'])
    expect(planned.entries[1]).toMatchObject({ reason: 'take_refused', problem: expect.stringMatching(/takes\/t2-0\.mp4 → /) })

    expect(await fs.readdir(path.join(source.dir, 'exports')).catch(() => [])).toEqual([])
    // A run of the outside video's media, long enough that only a copy of it could contain it.
    const secret = (await fs.readFile(outside)).subarray(-4096, -2048)
    for (const bytes of await filesIn(source.dir)) expect(bytes.includes(secret)).toBe(false)
  })
})
