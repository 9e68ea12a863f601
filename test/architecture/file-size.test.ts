import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const repo = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: repo })

const fileOf = (lines: number): string => Array.from({ length: lines }, (_, i) => `export const line${i} = ${i}`).join('\n') + '\n'

async function sizeProblems(lines: number, name: string): Promise<string[]> {
  const [result] = await eslint.lintText(fileOf(lines), { filePath: path.join(repo, name) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'max-lines').map((m) => m.message)
}

describe('the file-size rule npm test checks', () => {
  it('refuses a 251-line source file in main, the renderer, shared code, scripts and the bench', async () => {
    for (const name of ['src/main/services/project/big.ts', 'src/renderer/src/features/big.tsx', 'src/shared/domain/big.ts', 'scripts/big.ts', 'bench/big.ts']) {
      expect(await sizeProblems(251, name), name).toEqual([expect.stringContaining('Maximum allowed is 250')])
    }
  })

  it('accepts 250 lines, and a long test', async () => {
    expect(await sizeProblems(250, 'src/main/services/project/big.ts')).toEqual([])
    expect(await sizeProblems(400, 'test/main/project/big.test.ts')).toEqual([])
  })
})
