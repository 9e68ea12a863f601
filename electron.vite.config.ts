import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { recordBundledPackages } from './scripts/licenses/bundled-packages'

/** Production keeps index.html's strict CSP; the dev server alone needs React Refresh's inline preamble and HMR. */
const devServerCsp = (): Plugin => ({
  name: 'omniboard-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
})

export default defineConfig({
  main: {
    plugins: [recordBundledPackages('main', __dirname)],
    build: {
      // The terminal CLI is built beside the main process, so `omniboard` starts as plain JavaScript (no tsx).
      // Chunks stay beside the entries: the CLI finds package.json at the same relative path as from its source.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), cli: resolve(__dirname, 'src/cli/main.ts') },
        // The CLI prints PDFs with playwright-core only where a checkout has it installed; never bundle 6 MB of it.
        external: ['playwright-core'],
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    plugins: [recordBundledPackages('preload', __dirname)],
    build: {
      // The preload runs sandboxed, where `require` only knows `electron`: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCsp(), recordBundledPackages('renderer', __dirname)],
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
