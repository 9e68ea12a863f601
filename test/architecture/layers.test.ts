import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cruise, type ICruiseResult } from 'dependency-cruiser'

const repo = path.resolve(import.meta.dirname, '../..')
const config = createRequire(import.meta.url)(path.join(repo, '.dependency-cruiser.cjs'))

let tree = ''
afterEach(async () => {
  if (tree) await rm(tree, { recursive: true, force: true })
})

/** Lays out a small source tree with the repo's folder names and cruises it with the repo's own rules. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  tree = await mkdtemp(path.join(tmpdir(), 'omniboard-layers-'))
  await symlink(path.join(repo, 'node_modules'), path.join(tree, 'node_modules'), 'dir')
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(tree, name)), { recursive: true })
    await writeFile(path.join(tree, name), text)
  }
  const result = await cruise(['src'], { baseDir: tree, validate: true, ruleSet: config, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } })
  const { summary } = result.output as ICruiseResult
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
}

const ok = 'export const value = 1\n'

describe('the layer rules npm test checks', () => {
  it('pass a tree that keeps the layers', async () => {
    expect(
      await violationsOf({
        'src/shared/domain/clip.ts': ok,
        'src/main/services/project/save.ts': "import { value } from '../../../shared/domain/clip'\nexport const saved = value\n",
        'src/main/ipc/handlers.ts': "import { saved } from '../services/project/save'\nexport const handled = saved\n",
        'src/main/electron-ipc.ts': "import { ipcMain } from 'electron'\nexport const bus = ipcMain\n",
        'src/renderer/src/App.tsx': "import { value } from '../../shared/domain/clip'\nexport const shown = value\n",
      }),
    ).toEqual([])
  })

  it('refuse shared code that imports Node, an app layer or React', async () => {
    expect(
      await violationsOf({
        'src/shared/domain/clip.ts': "import { readFile } from 'node:fs/promises'\nexport const read = readFile\n",
        'src/shared/cut/plan.ts': "import { x } from '../../main/services/media/x'\nexport const y = x\n",
        'src/shared/cut/view.ts': "import { useState } from 'react'\nexport const z = useState\n",
        'src/main/services/media/x.ts': 'export const x = 1\n',
      }),
    ).toEqual(
      expect.arrayContaining([
        'shared-is-pure: src/shared/domain/clip.ts → fs/promises',
        'shared-imports-no-app-layer: src/shared/cut/plan.ts → src/main/services/media/x.ts',
        expect.stringMatching(/^shared-imports-no-ui-or-electron: src\/shared\/cut\/view\.ts → .*node_modules\/react\//),
      ]),
    )
  })

  it('refuse a renderer that imports main or Node', async () => {
    expect(
      await violationsOf({
        'src/renderer/src/App.tsx': "import { x } from '../../main/services/media/x'\nimport { join } from 'node:path'\nexport const y = [x, join]\n",
        'src/main/services/media/x.ts': ok.replace('value', 'x'),
      }),
    ).toEqual(['renderer-imports-no-main: src/renderer/src/App.tsx → src/main/services/media/x.ts', 'renderer-imports-no-node: src/renderer/src/App.tsx → path'])
  })

  it('refuse a service that imports IPC, the IPC contract or the shell', async () => {
    expect(
      await violationsOf({
        'src/main/services/ledger/ledger.ts':
          "import { a } from '../../ipc/handlers'\nimport { b } from '../../../shared/ipc/contract'\nimport { c } from '../../dialogs'\nexport const d = [a, b, c]\n",
        'src/main/ipc/handlers.ts': 'export const a = 1\n',
        'src/shared/ipc/contract.ts': 'export const b = 1\n',
        'src/main/dialogs.ts': 'export const c = 1\n',
      }),
    ).toEqual([
      'services-import-no-ipc: src/main/services/ledger/ledger.ts → src/main/ipc/handlers.ts',
      'services-import-no-ipc: src/main/services/ledger/ledger.ts → src/shared/ipc/contract.ts',
      'services-import-no-shell: src/main/services/ledger/ledger.ts → src/main/dialogs.ts',
    ])
  })

  it('refuse electron anywhere but the shell and the preload', async () => {
    const violations = await violationsOf({
      'src/main/services/media/export.ts': "import type { BrowserWindow } from 'electron'\nexport type W = BrowserWindow\n",
      'src/cli/run.ts': "import { app } from 'electron'\nexport const a = app\n",
      'src/main/main-window.ts': "import { BrowserWindow } from 'electron'\nexport const w = BrowserWindow\n",
      'src/preload/index.ts': "import { contextBridge } from 'electron'\nexport const b = contextBridge\n",
    })
    expect(violations.map((v) => v.replace(/→ .*node_modules\/electron\/.*/, '→ electron'))).toEqual([
      'electron-only-in-the-shell: src/cli/run.ts → electron',
      'electron-only-in-the-shell: src/main/services/media/export.ts → electron',
    ])
  })

  it('refuse a fake MuleRouter that borrows code of the app', async () => {
    expect(
      await violationsOf({
        'src/fake-mulerouter/validate-body.ts': "import { value } from '../shared/domain/clip'\nexport const checked = value\n",
        'src/shared/domain/clip.ts': ok,
      }),
    ).toEqual(['fake-stands-alone: src/fake-mulerouter/validate-body.ts → src/shared/domain/clip.ts'])
  })

  it('refuse two service folders, or two shared folders, that import each other', async () => {
    const violations = await violationsOf({
      'src/main/services/project/save.ts': "import { thumb } from '../images/thumb'\nexport const save = thumb\n",
      'src/main/services/images/thumb.ts': "import { folder } from '../project/folder'\nexport const thumb = folder\n",
      'src/main/services/project/folder.ts': 'export const folder = 1\n',
      'src/shared/cut/plan.ts': "import { words } from '../takes/words'\nexport const plan = words\n",
      'src/shared/takes/words.ts': "import { step } from '../cut/step'\nexport const words = step\n",
      'src/shared/cut/step.ts': 'export const step = 1\n',
    })
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^no-folder-cycle: src\/main\/services\/(project|images) → src\/main\/services\/(images|project)$/)]))
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^no-folder-cycle: src\/shared\/(cut|takes) → src\/shared\/(takes|cut)$/)]))
  })
})
