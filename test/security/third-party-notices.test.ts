import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { licensesOutDir, packageDirOf } from '../../scripts/licenses/bundled-packages'
import { bundledPackageDirs, collectNotices, productionPackageDirs, type Notices } from '../../scripts/licenses/collect'
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

  it('finds the package a bundled module comes from', () => {
    expect(packageDirOf('/a/node_modules/react/cjs/react.production.js')).toBe('/a/node_modules/react')
    expect(packageDirOf('/a/node_modules/@dnd-kit/core/dist/index.js?commonjs-es-import')).toBe('/a/node_modules/@dnd-kit/core')
    expect(packageDirOf('/a/node_modules/x/node_modules/@s/y/index.js')).toBe('/a/node_modules/x/node_modules/@s/y')
    expect(packageDirOf('/a/src/main/index.ts')).toBeNull()
    expect(packageDirOf('\0vite/preload-helper.js')).toBeNull()
  })
})
