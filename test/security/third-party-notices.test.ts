import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { licensesOutDir, packageDirOf } from '../../scripts/licenses/bundled-packages'
import { bundledPackageDirs, collectNotices, licenceTexts, productionPackageDirs, standardTextsFor, type Notices } from '../../scripts/licenses/collect'
import { renderNoticesHtml, renderNoticesText, sourceRequestUrl } from '../../scripts/licenses/render'

const root = resolve(import.meta.dirname, '../..')
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license: string }

describe('the third-party licence page', () => {
  let notices: Notices
  beforeAll(() => {
    notices = collectNotices(root)
  }, 30_000)
  const component = (name: string, version: string) => notices.components.find((candidate) => candidate.name === name && candidate.version === version)

  it('lists every production package npm installed, with its version, declared licence and licence text', () => {
    const dirs = productionPackageDirs(root)
    expect(dirs.length).toBeGreaterThan(20)
    for (const dir of dirs) {
      const manifest = manifestOf(dir)
      const listed = component(manifest.name, manifest.version)
      expect(listed, manifest.name).toBeDefined()
      expect(listed!.licence, manifest.name).toBe(manifest.license)
      expect(listed!.placements, manifest.name).toContain('app')
      expect(listed!.texts.length, `${manifest.name} has a licence text`).toBeGreaterThan(0)
    }
  })

  it('lists every package the build inlined into the main process, the preload and the window', () => {
    const bundled = bundledPackageDirs(root)
    expect(bundled.map(([placement, dir]) => `${placement} ${manifestOf(dir).name}`)).toEqual(expect.arrayContaining(['window react', 'window react-dom', 'preload zod']))
    for (const [placement, dir] of bundled) {
      const manifest = manifestOf(dir)
      expect(component(manifest.name, manifest.version)?.placements, manifest.name).toContain(placement)
    }
    expect(notices.components.filter((listed) => listed.texts.length === 0).map((listed) => listed.name)).toEqual([])
  })

  it('lists Electron, the runtime in every package, and points to Chromium’s own licence list', () => {
    expect(notices.components.find((listed) => listed.name === 'electron')).toMatchObject({ licence: 'MIT', placements: ['runtime'] })
    expect(renderNoticesHtml(notices)).toContain('LICENSES.chromium.html')
  })

  it('names the GPL ffmpeg build with the GPL text, the FFmpeg commit it was built from and a written offer of its source', () => {
    const platformPackage = `@ffmpeg-installer/${process.platform}-${process.arch}`
    const build = notices.ffmpeg.find((candidate) => candidate.packageName === platformPackage)
    expect(build, platformPackage).toBeDefined()
    expect(build!.licence).toMatch(/GPL/)
    const ffmpegTexts = component(platformPackage, build!.packageVersion)!.texts.map((text) => text.text).join('\n')
    expect(ffmpegTexts).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 3/)
    const text = renderNoticesText(notices)
    if (build!.commit) expect(text).toContain(`git commit ${build!.commit}`)
    expect(text).toContain('Written offer')
    expect(text).toContain(sourceRequestUrl)
  })

  it('is what the build wrote into out/licenses, a page that runs no script', () => {
    const html = readFileSync(join(root, licensesOutDir, 'third-party-notices.html'), 'utf8')
    expect(html).toBe(renderNoticesHtml(notices))
    expect(readFileSync(join(root, licensesOutDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toBe(renderNoticesText(notices))
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/<script/i)
  })

  it('has a licence text for every platform’s ffmpeg package, including those npm installs only on that platform', () => {
    // dist:mac runs `write-notices --strict` on a Mac: its packages are not installed here, but the lockfile declares them.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { license?: string }> }
    const platformPackages = Object.entries(lock.packages).filter(([path]) => /^node_modules\/@ffmpeg-installer\/(darwin|linux|win32)-/.test(path))
    expect(platformPackages.map(([path]) => path)).toEqual(expect.arrayContaining(['node_modules/@ffmpeg-installer/darwin-arm64', 'node_modules/@ffmpeg-installer/win32-x64']))
    for (const [path, { license }] of platformPackages) expect(standardTextsFor(license ?? ''), path).toContain(license?.startsWith('LGPL') ? 'LGPL-2.1.txt' : 'GPL-3.0.txt')
  })

  it('maps FFmpeg’s licence link to the GPL and LGPL texts, and a licence it does not know to none', () => {
    expect(standardTextsFor('https://git.ffmpeg.org/gitweb/ffmpeg.git/blob_plain/HEAD:/LICENSE.md')).toEqual(['GPL-3.0.txt', 'LGPL-2.1.txt'])
    expect(standardTextsFor('GPLv3')).toEqual(['GPL-3.0.txt'])
    expect(standardTextsFor('https://example.com/LICENSE.md')).toEqual([])
    expect(standardTextsFor('UNKNOWN')).toEqual([])
  })

  it('gives an MIT package that ships no licence file the MIT text with its author’s copyright line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omniboard-mit-'))
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'entities', version: '1.0.0', license: 'MIT', author: 'Ada Lovelace' }))
      const [text] = licenceTexts(dir, 'MIT', root)
      expect(text).toMatchObject({ source: 'build/licenses/MIT.txt' })
      expect(text!.text).toMatch(/^MIT License\s+Copyright \(c\) Ada Lovelace\s+Permission is hereby granted/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('finds the package a bundled module comes from', () => {
    expect(packageDirOf('/a/node_modules/react/cjs/react.production.js')).toBe('/a/node_modules/react')
    expect(packageDirOf('/a/node_modules/@dnd-kit/core/dist/index.js?commonjs-es-import')).toBe('/a/node_modules/@dnd-kit/core')
    expect(packageDirOf('/a/node_modules/x/node_modules/@s/y/index.js')).toBe('/a/node_modules/x/node_modules/@s/y')
    expect(packageDirOf('/a/src/main/index.ts')).toBeNull()
    expect(packageDirOf('\0vite/preload-helper.js')).toBeNull()
  })
})
