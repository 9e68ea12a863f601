import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Plugin } from 'vite'

export const licensesOutDir = 'out/licenses'

/** The package folder a bundled module comes from: `…/node_modules/@scope/name/dist/x.js` → `…/node_modules/@scope/name`. */
export function packageDirOf(moduleId: string): string | null {
  const path = moduleId.replace(/\?.*$/, '').split(sep).join('/')
  const at = path.lastIndexOf('/node_modules/')
  if (at < 0) return null
  const rest = path.slice(at + '/node_modules/'.length).split('/')
  const nameParts = rest[0]?.startsWith('@') ? 2 : 1
  if (rest.length <= nameParts) return null
  return path.slice(0, at) + '/node_modules/' + rest.slice(0, nameParts).join('/')
}

/**
 * Records which packages a build inlined into its JavaScript (React into the window's code, immer into main…), so
 * the third-party notice lists them as well as the production dependencies shipped in node_modules.
 */
export function recordBundledPackages(target: 'main' | 'preload' | 'renderer', root: string): Plugin {
  return {
    name: 'omniboard-record-bundled-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>()
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        for (const id of output.moduleIds) {
          const dir = packageDirOf(id)
          if (dir) dirs.add(relative(root, dir).split(sep).join('/'))
        }
      }
      mkdirSync(join(root, licensesOutDir), { recursive: true })
      writeFileSync(join(root, licensesOutDir, `bundled-${target}.json`), JSON.stringify([...dirs].sort(), null, 2))
    },
  }
}
