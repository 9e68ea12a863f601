import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Bundles a child-process entry once (packages stay external), so each child starts in tens of milliseconds like the
 * app's main process, not the second a TypeScript loader takes. Resolves with the bundle's path.
 */
export async function bundleChild(entry: URL, name: string): Promise<string> {
  const outfile = path.join(root, 'node_modules/.cache/omniboard-tests', `${name}.mjs`)
  await mkdir(path.dirname(outfile), { recursive: true })
  await build({ entryPoints: [fileURLToPath(entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' })
  return outfile
}
