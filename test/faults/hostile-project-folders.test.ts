import { promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  containsMarker, forgetReads, htmlShowsCanaryImage, leaksInFolder, markerForms, readsUnder, showsCanaryImage, snapshotTree, treeChanges, videoShowsCanary,
} from './support/canary-detectors'
import { brokenPromises, describeRun, exportsNameTheClip, type CaseResult, type CaseRules } from './support/hostile-expectations'
import {
  buildTemplate, canaryImage, claimFrames, exportNames, HOSTILE_CLIP_NUMBER, HOSTILE_TAKE, makeCaseFolder, nestTakeRequest, replaceWithCharDevice, replaceWithFifo,
  replaceWithHardLink, replaceWithLink, replaceWithSocket, replaceWithText, truncateFile, type CaseFolder, type Template,
} from './support/hostile-folders'
import { bundleSessionChild, runSession, sessionPool } from './support/hostile-run'

/**
 * Issue 20's acceptance suite: a project folder is untrusted input. Each case plants one hostile thing in a copy of
 * a good project (links, special files, crafted media and JSON) next to the user's own files, each holding a marker
 * unique to the case, and runs a whole session on it in a main process of its own, through the same IPC channels
 * and media scheme the window uses: File → Open…, Play film, export film / OTIO / FCPXML / EDL / CSV / PDF, "Last
 * frame →", "← First frame" and "Grab frame", crop, an edit, save, close, quit. The promises checked for every
 * case are in support/hostile-expectations.ts; each case may add its own.
 */
const DEADLINE_MS = 20_000
/** The same bundled ffmpeg the app runs, for making the canary video and looking into exported films. */
const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path
const inPool = sessionPool(3)

type HostileCase = Omit<CaseRules, 'mustName'> & {
  title: string
  mustName?: string | ((template: Template) => string)
  /** Makes the project hostile; false when this machine cannot (a device node needs root). */
  plant?: (folder: CaseFolder, template: Template) => Promise<unknown>
  /** Files of the project the case planted with canary bytes of its own (hard links): not searched for leaks. */
  planted?: string[]
  also?: (result: CaseResult) => Promise<string[]> | string[]
}

const take = (folder: CaseFolder): string => folder.at('takes', HOSTILE_TAKE)
const pngAsset = (template: Template): string => template.assetFiles.find((name) => name.endsWith('.png'))!
const link = (entry: (f: CaseFolder) => string, target: (f: CaseFolder) => string) => (f: CaseFolder) => replaceWithLink(entry(f), target(f))
const hlsPlaylist = (segment: string) => `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n${segment}\n#EXT-X-ENDLIST\n`
/** Problems unless `file` (inside the project) still holds exactly `text`. */
const stillHolds = async (file: string, text: string, what: string): Promise<string[]> =>
  (await fs.readFile(file, 'utf8').catch(() => null)) === text ? [] : [`${what} was replaced or changed`]

const cases: HostileCase[] = [
  {
    title: 'an untouched project plays, exports everything, grabs frames, crops, saves and closes',
    also: async ({ run }) => {
      const steps = run.report?.steps ?? []
      const failed = steps.filter((step) => !step.ok).map((step) => `${step.name} failed in a good project: ${step.error?.message}`)
      const exported = steps.flatMap((step) => (step.ok && step.name.startsWith('export') ? [(step.value as { path: string }).path] : []))
      const sizes = await Promise.all(exported.map((file) => fs.stat(file).then((stat) => stat.size, () => 0)))
      // Two films (the second one " (2)") and the five hand-off files, each a file of its own in exports/.
      const written = new Set(exported.filter((file, i) => sizes[i]! > 0 && path.basename(path.dirname(file)) === 'exports'))
      return written.size === 7 ? failed : [...failed, `the exports written were ${[...written].map((file) => path.basename(file)).join(', ')}`]
    },
  },
  // The issue's cases.
  { title: 'a take .mp4 that is a link to a video outside the folder', mustName: HOSTILE_TAKE, plant: link(take, (f) => f.out('secret.mp4')) },
  {
    title: 'a take that is an HLS playlist (#EXTM3U) naming an outside video by absolute path',
    mustName: HOSTILE_TAKE,
    plant: (f) => replaceWithText(take(f), hlsPlaylist(f.out('secret.ts'))),
  },
  {
    title: 'a take that is an ffconcat list naming an outside video',
    mustName: HOSTILE_TAKE,
    plant: (f) => replaceWithText(take(f), `ffconcat version 1.0\nfile '${f.out('secret.mp4')}'\n`),
  },
  {
    // ffmpeg's "safe" concat mode refuses absolute paths and "..", not a plain relative name through a folder link.
    title: 'a take that is an ffconcat list reaching out through a folder link inside takes/',
    mustName: HOSTILE_TAKE,
    plant: async (f) => {
      await fs.symlink(f.outside, f.at('takes', 'shared'))
      await replaceWithText(take(f), `ffconcat version 1.0\nfile 'shared/secret.mp4'\n`)
    },
  },
  { title: 'an asset that is a link to an outside image', mustName: pngAsset, plant: (f, t) => replaceWithLink(f.at('assets', pngAsset(t)), f.out('secret.png')) },
  { title: 'a thumbnail that is a link to an outside image', plant: (f, t) => replaceWithLink(f.at('thumbs', t.thumbFiles[0]!), f.out('secret.webp')) },
  { title: 'exports/ that is a link to an outside folder holding same-named files', mustName: 'exports', plant: link((f) => f.at('exports'), (f) => f.out('exports')) },
  {
    title: 'exports that is a plain file',
    mustName: 'exports',
    plant: (f) => replaceWithText(f.at('exports'), 'my notes, not a folder\n'),
    also: ({ folder }) => stillHolds(folder.at('exports'), 'my notes, not a folder\n', 'the file named exports'),
  },
  {
    title: 'project.json that is a link to another project',
    mustName: 'project.json',
    plant: link((f) => f.at('project.json'), (f) => f.out('Other.omniboard', 'project.json')),
  },
  {
    title: 'project.json that is a link to an outside file (its first characters stay out of the error)',
    mustName: 'project.json',
    plant: link((f) => f.at('project.json'), (f) => f.out('secret.txt')),
  },
  { title: 'takes/ that is a link to an outside folder holding temp-named files', mustName: 'takes', plant: link((f) => f.at('takes'), (f) => f.out('takes')) },
  { title: 'assets/ that is a link to an outside folder of same-named images', mustName: 'assets', plant: link((f) => f.at('assets'), (f) => f.out('assets')) },
  { title: 'thumbs/ that is a link to an outside folder of same-named images', mustName: 'thumbs', plant: link((f) => f.at('thumbs'), (f) => f.out('thumbs')) },
  { title: 'a FIFO as project.json', mustName: 'project.json', plant: (f) => replaceWithFifo(f.at('project.json')) },
  { title: 'a FIFO as the lock file', plant: (f) => replaceWithFifo(f.at('.omniboard.lock')) },
  { title: 'a FIFO as the backup project.json.bak', plant: (f) => replaceWithFifo(f.at('project.json.bak')) },
  {
    title: 'a FIFO as the backup while project.json is damaged (the refusal looks at the backup)',
    mustName: 'project.json',
    plant: async (f) => {
      await replaceWithFifo(f.at('project.json.bak'))
      await fs.writeFile(f.at('project.json'), '{ "schemaVersion": 2, "name": "half a fi')
    },
  },
  { title: 'a FIFO as a take', mustName: HOSTILE_TAKE, plant: (f) => replaceWithFifo(take(f)) },
  { title: 'a take whose sample tables claim 2^31 frames of one size', mustName: HOSTILE_TAKE, plant: (f) => claimFrames(take(f), 2 ** 31, 100) },
  { title: 'a take whose sample size table claims 2^31 entries it does not hold', mustName: HOSTILE_TAKE, plant: (f) => claimFrames(take(f), 2 ** 31) },
  { title: 'a take whose request is nested 100,000 levels deep', plant: (f) => nestTakeRequest(f.dir, 'take-2', 100_000) },
  { title: 'a take cut off at 60 %', plant: (f) => truncateFile(take(f), 0.6), also: ({ run }) => exportsNameTheClip(run, HOSTILE_CLIP_NUMBER) },
  {
    title: 'a lock that is a folder',
    plant: async (f) => {
      await fs.mkdir(f.at('.omniboard.lock'))
      await fs.writeFile(f.at('.omniboard.lock', 'note.txt'), 'hello')
    },
  },
  // Our own.
  { title: 'a take that is a link to /dev/zero', mustName: HOSTILE_TAKE, plant: link(take, () => '/dev/zero') },
  { title: 'a take that is a character device (like /dev/zero)', mustName: HOSTILE_TAKE, plant: (f) => replaceWithCharDevice(take(f), 1, 5) },
  { title: 'a take that is a Unix socket', mustName: HOSTILE_TAKE, plant: (f) => replaceWithSocket(take(f)) },
  {
    title: 'a take reached through a chain of 30 links inside the project that ends outside',
    mustName: HOSTILE_TAKE,
    plant: async (f) => {
      await fs.mkdir(f.at('links'))
      for (let i = 0; i < 30; i++) await fs.symlink(i === 29 ? f.out('secret.mp4') : `link-${i + 1}`, f.at('links', `link-${i}`))
      await replaceWithLink(take(f), '../links/link-0')
    },
  },
  { title: 'a take that is a link to itself', mustName: HOSTILE_TAKE, plant: link(take, () => HOSTILE_TAKE) },
  { title: 'a temp-named link in takes/ pointing at an outside file', plant: (f) => fs.symlink(f.out('secret.txt'), f.at('takes', 'y.omniboard-tmp-0123456789ab')) },
  {
    title: 'an export file name in exports/ that is a link to the outside file of that name',
    plant: async (f) => {
      await fs.mkdir(f.at('exports'))
      for (const name of exportNames()) await fs.symlink(f.out('exports', name), f.at('exports', name))
    },
  },
  {
    title: "exports/ already holding the user's own files of the export names: they are kept",
    plant: async (f) => {
      await fs.mkdir(f.at('exports'))
      for (const name of exportNames()) await fs.writeFile(f.at('exports', name), `my own ${name}`)
    },
    also: async ({ folder }) => (await Promise.all(exportNames().map((name) => stillHolds(folder.at('exports', name), `my own ${name}`, `exports/${name} of the user's`)))).flat(),
  },
  // A hard link is one file under two names: inside the folder it is a file of the folder like any other (pnpm,
  // backup tools and `cp -l` make them), so reading it is allowed. Writing through it would change the outside file.
  {
    title: 'project.json.bak that is a hard link to an outside file (save does not write through it)',
    planted: ['project.json.bak'],
    plant: (f) => replaceWithHardLink(f.at('project.json.bak'), f.out('secret.txt')),
  },
  {
    title: 'a lock file that is a hard link to an outside file (it is not written through)',
    planted: ['.omniboard.lock'],
    plant: (f) => replaceWithHardLink(f.at('.omniboard.lock'), f.out('secret.txt')),
  },
  {
    title: 'a take that is a hard link to an outside video (a file of the folder: only writes are checked)',
    readsAllowed: true,
    plant: (f) => replaceWithHardLink(take(f), f.out('secret.mp4')),
  },
]

let runRoot = ''
let ready: Promise<{ template: Template; bundle: string }>

beforeAll(async () => {
  runRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-hostile-'))
  ready = Promise.all([buildTemplate(runRoot, ffmpeg), bundleSessionChild()]).then(([template, bundle]) => ({ template, bundle }))
  await ready
}, 60_000)
afterAll(() => fs.rm(runRoot, { recursive: true, force: true }))

async function runCase(hostile: HostileCase, index: number): Promise<CaseResult | 'unsupported'> {
  const { template, bundle } = await ready
  const work = path.join(runRoot, `case-${index}`)
  const folder = await makeCaseFolder(template, path.join(work, 'folder'))
  if ((await hostile.plant?.(folder, template)) === false) return 'unsupported'
  const before = await snapshotTree(folder.root, [folder.dir])
  await forgetReads(folder.outside)
  const run = await inPool(() => runSession(bundle, folder.dir, folder.marker, work, DEADLINE_MS))
  const outsideReads = await readsUnder(folder.root, folder.outside)
  const outsideChanges = treeChanges(before, await snapshotTree(folder.root, [folder.dir]))
  const folderLeaks = await leaksInFolder(folder.dir, folder.marker, ffmpeg, hostile.planted ?? [])
  return { folder, run, outsideChanges, outsideReads, folderLeaks, deadlineMs: DEADLINE_MS }
}

describe('the canary detectors the cases rely on', () => {
  const title = 'see the marker (whole, its first characters, base64 at any alignment), magenta in an image, a page and a video, and a read file'
  it(`${title}, but nothing in the good project`, async ({ expect }) => {
    const { template } = await ready
    const marker = 'CANARY-0123456789abcdef01234567'
    const forms = markerForms(marker)
    for (const before of ['', 'x', 'xy']) expect(containsMarker(Buffer.from(`${before}data ${marker} tail`).toString('base64'), forms)).toBe(true)
    expect(containsMarker('project.json is not valid JSON (Unexpected token \'C\', "CANARY-012"... is not valid JSON)', forms)).toBe(true)
    const png = await canaryImage(marker, 'png')
    expect(containsMarker(png, forms)).toBe(true)
    expect(await showsCanaryImage(png)).toBe(true)
    expect(await htmlShowsCanaryImage(`<img src="data:image/webp;base64,${(await canaryImage(marker, 'webp')).toString('base64')}">`)).toBe(true)
    const video = path.join(runRoot, 'detector-check.mp4')
    await fs.writeFile(video, template.canaryVideo)
    expect(await videoShowsCanary(ffmpeg, video)).toBe(true)

    expect(await videoShowsCanary(ffmpeg, path.join(template.dir, 'takes', 'take-1-0.mp4'))).toBe(false)
    for (const name of template.assetFiles) expect(await showsCanaryImage(await fs.readFile(path.join(template.dir, 'assets', name)))).toBe(false)
    expect(containsMarker(await fs.readFile(path.join(template.dir, 'project.json')), forms)).toBe(false)

    const tree = path.join(runRoot, 'read-check')
    await fs.mkdir(path.join(tree, 'folder'), { recursive: true })
    await Promise.all(['a.txt', 'folder/b.txt'].map((name) => fs.writeFile(path.join(tree, name), name)))
    await forgetReads(tree)
    expect(await readsUnder(tree)).toEqual([])
    await fs.readFile(path.join(tree, 'folder', 'b.txt'))
    expect(await readsUnder(tree)).toEqual(['folder/b.txt was read'])
  })
})

describe.skipIf(process.platform === 'win32').concurrent('a hostile project folder, opened with File → Open… and used like any project', () => {
  cases.forEach((hostile, index) => {
    it(hostile.title, async ({ expect, skip }) => {
      const result = await runCase(hostile, index)
      if (result === 'unsupported') return skip()
      const { template } = await ready
      const mustName = typeof hostile.mustName === 'function' ? hostile.mustName(template) : hostile.mustName
      const problems = [...brokenPromises(result, { ...hostile, mustName }), ...((await hostile.also?.(result)) ?? [])]
      if (process.env.HOSTILE_REPORT) console.log(`${hostile.title}\n${describeRun(result)}\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`)
      expect(problems, describeRun(result)).toEqual([])
    }, 180_000)
  })
})
