// `node --import ./register.mjs out/main/index.js …` runs the built main process against the stand-in `electron`:
// the process looks as it does under `electron <app>` (or a packaged app), ESM imports of `electron` resolve to
// the stand-in through a resolve hook, and CommonJS `require('electron')` (electron-log) gets the same object.
import Module, { register } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

if (process.env.STANDIN_PACKAGED === '1') process.argv.splice(1, 1)
else process.defaultApp = true
process.type = 'browser'
const electronPackage = JSON.parse(readFileSync(new URL('../../node_modules/electron/package.json', import.meta.url), 'utf8'))
Object.defineProperty(process.versions, 'electron', { value: electronPackage.version, enumerable: true })

// STANDIN_PLATFORM=darwin plays a Mac to the app's own code (out/main), and to it alone: libraries in node_modules
// still see the real platform, so sharp loads the native binary that is installed here.
const mainScript = process.env.STANDIN_APP_MAIN ?? process.argv[1]
const played = process.env.STANDIN_PLATFORM
if (played) {
  const real = process.platform
  const appDir = dirname(mainScript)
  const appFrames = [`${pathToFileURL(appDir).href}/`, `${appDir}${sep}`]
  Object.defineProperty(process, 'platform', {
    configurable: true,
    get: () => (appFrames.some((frame) => (new Error().stack ?? '').includes(frame)) ? played : real),
  })
}

const electronUrl = new URL('./electron/index.mjs', import.meta.url).href
const { default: electron } = await import(electronUrl)

const load = Module._load
Module._load = function loadWithStandIn(request, ...rest) {
  return request === 'electron' || request === 'electron/main' ? electron : load.call(this, request, ...rest)
}
register('./hooks.mjs', import.meta.url, { data: { electronUrl } })

// As Electron does (lib/browser/init.ts): load the app's main module, and only then can Chromium be ready.
const { appCodeLoaded } = await import('./electron/control.mjs')
await import(pathToFileURL(mainScript).href)
appCodeLoaded()
