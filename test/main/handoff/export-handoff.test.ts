import { promises as fs } from 'node:fs'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { findChromium, chromiumPdfPrinter } from '../../../src/cli/export-pdf-printer'
import { exportHandoff } from '../../../src/main/services/handoff/export-handoff'
import { loadProject } from '../../../src/main/services/project'
import { createClip } from '../../../src/shared/domain/create'
import { defaultSettings } from '../../../src/shared/settings'
import { dtdErrors } from '../../shared/interchange/fcpxml-dtd'
import { tempDir } from '../project/temp-project'
import { exportsOf, pdfPageCount, projectWithTakes } from './handoff-project'

const execFileAsync = promisify(execFile)
const prices = defaultSettings('/tmp').prices
const source = async (dir: string) => ({ dir, project: (await loadProject(dir)).project, prices })
type Node = Record<string, unknown>
const videoTrack = (otio: string) => (JSON.parse(otio) as { tracks: { children: Node[] } }).tracks.children[0]!['children'] as Node[]
const targetUrl = (clip: Node) => (clip['media_references'] as Record<string, Node>)['DEFAULT_MEDIA']!['target_url'] as string

/**
 * Whether a `target_url` names an existing file as an OTIO tool started in `cwd` reads it (a separate process, so
 * its working folder is really elsewhere): a file:// URL decoded to its path, anything else relative to `cwd`.
 */
async function readerFinds(url: string, cwd: string): Promise<boolean> {
  const script = "const { existsSync } = require('node:fs'); const { fileURLToPath } = require('node:url'); const u = process.argv[1]; process.stdout.write(String(existsSync(u.startsWith('file:') ? fileURLToPath(u) : decodeURIComponent(u))))"
  const { stdout } = await execFileAsync(process.execPath, ['-e', script, url], { cwd })
  return stdout === 'true'
}

describe('exportHandoff from a project with real take files', () => {
  it('writes an .otio into exports/ whose clips have the takes’ probed frame counts and absolute file:// URLs', async () => {
    const dir = await projectWithTakes()
    const { path: written, warnings } = await exportHandoff(await source(dir), 'otio', null)
    expect(written).toBe(path.join(exportsOf(dir), 'Harbour film.otio'))
    expect(warnings).toEqual([])
    const video = videoTrack(await fs.readFile(written, 'utf8'))
    expect(video.map((item) => [item['OTIO_SCHEMA'], item['name'], ((item['source_range'] as Node)['duration'] as Node)['value']])).toEqual([
      ['Clip.2', '01 Harbour at dawn', 48],
      ['Gap.1', '02 Market, noon', 96],
      ['Clip.2', '03 Night', 36],
      ['Clip.2', '04 Pier', 24],
    ])
    expect(targetUrl(video[0]!)).toBe(pathToFileURL(path.join(dir, 'takes', 'take-h2-0.mp4')).href)
  })

  it('writes take URLs that an OTIO reader resolves from any working folder, even under a folder named with #, %, é and 日本', async () => {
    const made = await projectWithTakes()
    const dir = path.join(await tempDir(), 'Films #1 100% été 日本', 'Harbour film.omniboard')
    await fs.mkdir(path.dirname(dir))
    await fs.rename(made, dir)
    const url = targetUrl(videoTrack(await fs.readFile((await exportHandoff(await source(dir), 'otio', null)).path, 'utf8'))[0]!)
    expect(url).toMatch(/^file:\/\/\/.*\/Films%20%231%20100%25%20%C3%A9t%C3%A9%20%E6%97%A5%E6%9C%AC\/Harbour%20film\.omniboard\/takes\/take-h2-0\.mp4$/)
    expect(await readerFinds(url, await tempDir())).toBe(true)
  })

  it('writes paths relative to the .otio when asked, which resolve from its own folder and not from elsewhere', async () => {
    const dir = await projectWithTakes()
    const { path: written } = await exportHandoff(await source(dir), 'otio', null, { otioMediaPaths: 'relative' })
    const url = targetUrl(videoTrack(await fs.readFile(written, 'utf8'))[0]!)
    expect(url).toBe('../takes/take-h2-0.mp4')
    expect(await readerFinds(url, path.dirname(written))).toBe(true)
    expect(await readerFinds(url, await tempDir())).toBe(false)
  })

  it('writes a DTD-valid FCPXML whose media-rep URLs are the take files, with each sound’s probed channels and rate, and an EDL with the real lengths', async () => {
    const dir = await projectWithTakes()
    const fcpxml = await fs.readFile((await exportHandoff(await source(dir), 'fcpxml', null)).path, 'utf8')
    const src = [...fcpxml.matchAll(/src="([^"]+)"/g)].map((match) => match[1]!)
    expect(src).toHaveLength(3)
    for (const url of src) await expect(fs.stat(fileURLToPath(url))).resolves.toBeTruthy()
    expect([...fcpxml.matchAll(/<(asset-clip|gap) [^>]*duration="([^"]+)"/g)].map((match) => match[2])).toEqual(['48/24s', '96/24s', '36/24s', '24/24s'])
    expect([...fcpxml.matchAll(/<asset [^>]*name="([^"]+)"[^>]*hasAudio="(\d)"(?: audioSources="1" audioChannels="(\d)" audioRate="(\d+)")?>/g)].map((match) => match.slice(1))).toEqual([
      ['take-h2-0.mp4', '1', '1', '48000'],
      ['take-n1-0.mp4', '0', undefined, undefined],
      ['take-p1-0.mp4', '1', '1', '48000'],
    ])
    expect(dtdErrors(fcpxml)).toBe('')

    const edl = await fs.readFile((await exportHandoff(await source(dir), 'edl', null)).path, 'utf8')
    expect(edl.split('\r\n').filter((line) => /^\d{3} /.test(line)).map((line) => line.split(/\s+/).slice(1).join(' '))).toEqual([
      'AX V C 00:00:00:00 00:00:02:00 01:00:00:00 01:00:02:00',
      'BL V C 00:00:00:00 00:00:04:00 01:00:02:00 01:00:06:00',
      'AX V C 00:00:00:00 00:00:01:12 01:00:06:00 01:00:07:12',
      'AX V C 00:00:00:00 00:00:01:00 01:00:07:12 01:00:08:12',
    ])
  })

  it('leaves a clip whose take file is gone empty and says which, instead of failing the export', async () => {
    const dir = await projectWithTakes()
    await fs.rm(path.join(dir, 'takes', 'take-n1-0.mp4'))
    const { path: written, warnings } = await exportHandoff(await source(dir), 'edl', null)
    expect(warnings).toEqual([expect.stringMatching(/^Clip 3: .*take-n1-0\.mp4.* left empty in the export\.$/)])
    expect(await fs.readFile(written, 'utf8')).toMatch(/^003 {2}BL /m)
  })

  it('writes the shot list next to the others, a file name of the caller’s choosing when given', async () => {
    const dir = await projectWithTakes()
    const target = path.join(dir, 'elsewhere', 'list.csv')
    await exportHandoff(await source(dir), 'csv', null, { target })
    expect((await fs.readFile(target, 'utf8')).split('\r\n')[1]).toMatch(/^1,Harbour at dawn,1,1,2,Wide: the harbour in mist,/)
  })

  it('warns that an EDL stops at event 999 and writes the first 999 clips', async () => {
    const dir = await projectWithTakes()
    const { project } = await loadProject(dir)
    const clips = Array.from({ length: 1001 }, (_, i) => createClip(project.defaults, `clip-${i}`, `Clip ${i + 1}`))
    const { path: written, warnings } = await exportHandoff({ dir, project: { ...project, clips }, prices }, 'edl', null)
    expect(warnings).toEqual([expect.stringMatching(/^An EDL holds at most 999 events/)])
    expect((await fs.readFile(written, 'utf8')).match(/^\d{3} {2}/gm)).toHaveLength(999)
  })

  it('refuses a PDF where there is no printer, with a hint', async () => {
    const dir = await projectWithTakes()
    await expect(exportHandoff(await source(dir), 'pdf', null)).rejects.toMatchObject({ error: { code: 'export_failed' } })
  })

  const chromium = findChromium(process.env)
  it.skipIf(!chromium)('prints the storyboard to a PDF with one page per three clips', async () => {
    const dir = await projectWithTakes()
    const printer = await chromiumPdfPrinter(chromium!)
    const { path: written } = await exportHandoff(await source(dir), 'pdf', printer)
    const bytes = await fs.readFile(written)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdfPageCount(bytes)).toBe(2)
  })
})
