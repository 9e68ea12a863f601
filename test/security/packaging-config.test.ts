import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { PROJECT_FOLDER_SUFFIX } from '../../src/main/services/project/project-files'

// js-yaml comes with electron-builder, which reads this very file with it.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

type BuilderConfig = {
  files: string[]
  extraResources: { from: string; to: string; filter: string[] }[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  fileAssociations: { ext: string; isPackage?: boolean; role?: string; mimeType?: string }[]
  linux: { mimeTypes?: string[] }
  directories: { buildResources: string }
}
const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig

describe('the electron-builder configuration', () => {
  it('sets the fuses that close Node entry points and pin the app to its checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('unpacks the native and executable parts from the asar: sharp, its libvips and the bundled ffmpeg', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/@ffmpeg-installer/**']))
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/*.map']))
  })

  it('carries the third-party licence page both inside the app and beside it, without the build’s lists', () => {
    expect(config.extraResources).toContainEqual({ from: 'out/licenses', to: 'licenses', filter: ['third-party-notices.html', 'THIRD-PARTY-NOTICES.txt'] })
    expect(config.files).toContain('!out/licenses/bundled-*.json')
  })

  it('declares the project folder as a document package, with the same MIME type for Linux', () => {
    const project = config.fileAssociations.find((association) => `.${association.ext}` === PROJECT_FOLDER_SUFFIX)
    expect(project).toMatchObject({ isPackage: true, role: 'Editor', mimeType: 'application/x-omniboard-project' })
    expect(config.linux.mimeTypes).toContain(project!.mimeType)
  })

  it('finds its icon in the build resources', () => {
    expect(config.directories.buildResources).toBe('build')
    const png = readFileSync('build/icon.png')
    expect(png.subarray(0, 8).toString('hex'), 'a PNG').toBe('89504e470d0a1a0a')
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    // electron-builder makes the .icns and .ico from a PNG of at least 512×512.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })
})
