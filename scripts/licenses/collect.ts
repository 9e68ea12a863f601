import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { licensesOutDir } from './bundled-packages'

/** Where a component ends up in the package. */
export type Placement = 'runtime' | 'app' | 'main' | 'preload' | 'window'

export type LicenceText = { source: string; text: string }
export type Component = { name: string; version: string; licence: string; homepage: string | null; placements: Placement[]; texts: LicenceText[] }
export type FfmpegBuild = { packageName: string; packageVersion: string; licence: string; build: string | null; commit: string | null; builder: string | null }
export type Notices = { product: { name: string; version: string; licence: string }; components: Component[]; ffmpeg: FfmpegBuild[] }

type Manifest = { name: string; version: string; license?: string | { type: string }; homepage?: string; author?: string | { name: string }; repository?: string | { url: string }; ffmpeg?: string }

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
const licenceFile = /^(licen[cs]e|copying|notice)([-._].*)?$/i

/** Licence texts committed in build/licenses for packages that name a licence but ship no text of it. */
const standardTexts: [RegExp, string[]][] = [
  [/^MIT$/i, ['MIT.txt']],
  [/^(GPLv3|GPL-3\.0(-only|-or-later)?)$/i, ['GPL-3.0.txt']],
  [/^LGPL-2\.1(-only|-or-later)?$/i, ['LGPL-2.1.txt']],
  [/^LGPL-3\.0(-only|-or-later)?$/i, ['LGPL-3.0.txt', 'GPL-3.0.txt']],
  // @ffmpeg-installer/darwin-arm64 declares a link to FFmpeg's LICENSE.md: FFmpeg is LGPL 2.1 or later, and GPL
  // when built with its GPL parts, as these static builds are (the page lists ffmpeg under the GPL v3); both texts.
  [/^https?:\/\/git\.ffmpeg\.org\/.*\/LICENSE(\.md)?$/i, ['GPL-3.0.txt', 'LGPL-2.1.txt']],
]

/** The texts in build/licenses for a declared licence (an SPDX id, or the link some packages give instead). */
export const standardTextsFor = (licence: string): string[] => standardTexts.find(([pattern]) => pattern.test(licence.trim()))?.[1] ?? []

/** A README's own licensing section (sharp's libvips lists every library it contains there). */
function readmeLicensing(dir: string): LicenceText[] {
  const readme = readdirSync(dir).find((file) => /^readme(\.md)?$/i.test(file))
  if (!readme) return []
  const text = readFileSync(join(dir, readme), 'utf8')
  const section = /^##+ *Licen[cs]ing?\b.*$/im.exec(text)
  if (!section) return []
  const rest = text.slice(section.index)
  const next = rest.slice(section[0].length).search(/^##+ /m)
  return [{ source: `${readme} (${section[0].replace(/^#+ */, '')})`, text: (next < 0 ? rest : rest.slice(0, section[0].length + next)).trim() }]
}

export function licenceTexts(dir: string, licence: string, root: string): LicenceText[] {
  const files = readdirSync(dir).filter((file) => licenceFile.test(file)).sort()
  if (files.length > 0) return files.map((file) => ({ source: file, text: readFileSync(join(dir, file), 'utf8').trim() }))
  // MIT's text begins with its copyright line, which the package's manifest names as its author.
  const author = authorOf(readManifest(dir))
  const standard = standardTextsFor(licence).map((file) => {
    const text = readFileSync(join(root, 'build/licenses', file), 'utf8').trim()
    return { source: `build/licenses/${file}`, text: file === 'MIT.txt' && author ? text.replace('MIT License', `MIT License\n\nCopyright (c) ${author}`) : text }
  })
  return [...readmeLicensing(dir), ...standard]
}

const authorOf = (manifest: Manifest) => (typeof manifest.author === 'object' ? manifest.author.name : manifest.author)
const licenceOf = (manifest: Manifest) => (typeof manifest.license === 'object' ? manifest.license.type : (manifest.license ?? 'UNKNOWN'))
function homepageOf(manifest: Manifest): string | null {
  const repository = typeof manifest.repository === 'object' ? manifest.repository.url : manifest.repository
  return manifest.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '') ?? null
}

/** The production dependency tree as npm installed it here: what electron-builder copies into app.asar. */
export function productionPackageDirs(root: string): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return out.split('\n').filter((line) => line !== '' && line !== root)
}

/** Packages the build inlined into main, preload and the window's code (written by recordBundledPackages). */
export function bundledPackageDirs(root: string): [Placement, string][] {
  const targets: [string, Placement][] = [['main', 'main'], ['preload', 'preload'], ['renderer', 'window']]
  return targets.flatMap(([target, placement]) => {
    const file = join(root, licensesOutDir, `bundled-${target}.json`)
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing: run electron-vite build first`)
    return (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((dir): [Placement, string] => [placement, join(root, dir)])
  })
}

export function collectNotices(root: string): Notices {
  const placed: [Placement, string][] = [
    ['runtime', join(root, 'node_modules/electron')],
    ...productionPackageDirs(root).map((dir): [Placement, string] => ['app', dir]),
    ...bundledPackageDirs(root),
  ]
  const components = new Map<string, Component>()
  for (const [placement, dir] of placed) {
    const manifest = readManifest(dir)
    const key = `${manifest.name}@${manifest.version}`
    const known = components.get(key)
    if (known) {
      if (!known.placements.includes(placement)) known.placements.push(placement)
      continue
    }
    const licence = licenceOf(manifest)
    components.set(key, { name: manifest.name, version: manifest.version, licence, homepage: homepageOf(manifest), placements: [placement], texts: licenceTexts(dir, licence, root) })
  }
  const product = readManifest(root) as Manifest & { productName?: string }
  const ffmpeg = [...components.values()]
    .filter((component) => component.name.startsWith('@ffmpeg-installer/') && component.name !== '@ffmpeg-installer/ffmpeg')
    .map((component) => ffmpegBuildOf(join(root, 'node_modules', ...component.name.split('/'))))
  return { product: { name: product.productName ?? product.name, version: product.version, licence: licenceOf(product) }, components: [...components.values()].sort((a, b) => a.name.localeCompare(b.name)), ffmpeg }
}

/** The ffmpeg program @ffmpeg-installer ships for this platform: whose build it is and from which FFmpeg commit. */
export function ffmpegBuildOf(dir: string): FfmpegBuild {
  const manifest = readManifest(dir)
  const build = manifest.ffmpeg ?? null
  return {
    packageName: manifest.name,
    packageVersion: manifest.version,
    licence: licenceOf(manifest),
    build,
    commit: /-g([0-9a-f]{7,40})$/.exec(build ?? '')?.[1] ?? null,
    builder: manifest.homepage ?? null,
  }
}

export const componentsWithoutText = (notices: Notices) => notices.components.filter((component) => component.texts.length === 0)
