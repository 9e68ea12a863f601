// `npm run build` ends here: the third-party licence page the app shows (Help → Third-Party Licences) and the
// packages carry (resources/licenses). `--strict` (the dist scripts) refuses to ship a component without a text.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { licensesOutDir } from './bundled-packages'
import { collectNotices, componentsWithoutText } from './collect'
import { renderNoticesHtml, renderNoticesText } from './render'

export const noticesHtml = 'third-party-notices.html'
export const noticesText = 'THIRD-PARTY-NOTICES.txt'

const root = resolve(import.meta.dirname, '../..')
const notices = collectNotices(root)
mkdirSync(join(root, licensesOutDir), { recursive: true })
writeFileSync(join(root, licensesOutDir, noticesHtml), renderNoticesHtml(notices))
writeFileSync(join(root, licensesOutDir, noticesText), renderNoticesText(notices))

const missing = componentsWithoutText(notices)
if (missing.length > 0) {
  console.error(`No licence text for ${missing.map((c) => `${c.name}@${c.version} (${c.licence})`).join(', ')}: add one to build/licenses and scripts/licenses/collect.ts`)
  if (process.argv.includes('--strict')) process.exit(1)
}
console.log(`Third-party notices: ${notices.components.length} components, ${notices.ffmpeg.length} ffmpeg build(s) → ${licensesOutDir}/`)
