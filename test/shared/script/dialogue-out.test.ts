import { describe, expect, it } from 'vitest'
import { storyboardHtml } from '../../../src/main/services/handoff/storyboard-html'
import { applyEdit } from '../../../src/shared/domain/edits'
import { defaultProjectDefaults, PROJECT_SCHEMA_VERSION, type Project } from '../../../src/shared/domain/project'
import { parseCsv } from '../../../src/shared/interchange/csv'
import { writeShotListCsv } from '../../../src/shared/interchange/shot-list-csv'
import { proposeBreakdown } from '../../../src/shared/script/breakdown'
import { parseFountain } from '../../../src/shared/script/fountain'
import { buildScriptImport } from '../../../src/shared/script/script-clips'
import { defaultSettings } from '../../../src/shared/settings'
import { scriptFixture } from './script-fixtures'

let ids = 0
const breakdown = proposeBreakdown(parseFountain(scriptFixture('lighthouse.fountain')))
const built = buildScriptImport({ ...breakdown, scenes: breakdown.scenes.filter((s) => s.scene.key === '#12') }, { defaults: defaultProjectDefaults, elements: [], library: [], newId: () => `id-${++ids}` })
const doc = built.ops.reduce(applyEdit, { name: 'Lighthouse', defaults: defaultProjectDefaults, clips: [], elements: [] })
const project: Project = { ...doc, schemaVersion: PROJECT_SCHEMA_VERSION, id: 'p', createdAt: '', updatedAt: '', assets: [], takes: [] }

describe('a script’s dialogue in the hand-off files', () => {
  it('fills the shot list’s Dialogue column, one speech a line', () => {
    const parsed = parseCsv(writeShotListCsv(project, defaultSettings('').prices).replace(/^\uFEFF/, ''))
    const rows = parsed.ok ? parsed.rows : []
    const column = rows[0]!.indexOf('Dialogue')
    expect(rows.slice(1).map((row) => row[column])).toEqual(['', '', 'ÉLODIE (to herself): Not tonight. Not on my watch.\nTOMAS: Élodie! Open the door!', '', expect.stringMatching(/^ÉLODIE: Go home, Tomas\.\nTOMAS: /)])
  })

  it('prints the lines under the clip’s prompt in the storyboard PDF', async () => {
    const html = await storyboardHtml('/nonexistent', project)
    expect(html).toContain('<b>Dialogue</b> ÉLODIE (to herself): Not tonight. Not on my watch. / TOMAS: Élodie! Open the door!')
  })
})

describe('prompts in the storyboard PDF', () => {
  it('names a clip’s elements instead of printing their tokens, and prints its negative prompt', async () => {
    const clip = project.clips.find((candidate) => candidate.elementIds.length === 2 && candidate.prompt.includes('<<<element_2>>>'))!
    const withAvoid: Project = { ...project, clips: project.clips.map((c) => (c.id === clip.id ? { ...c, negativePrompt: 'no <<<element_2>>> in frame, blur' } : c)) }
    const html = await storyboardHtml('/nonexistent', withAvoid)
    expect(html).not.toContain('&lt;&lt;&lt;element_')
    expect(html).not.toContain('<<<element_')
    const second = project.elements.find((element) => element.id === clip.elementIds[1])!.name
    expect(html).toContain(`<b>Avoid</b> no @${second} in frame, blur`)
    expect(html).toMatch(new RegExp(`@${project.elements.find((element) => element.id === clip.elementIds[0])!.name}\\b`))
  })
})
