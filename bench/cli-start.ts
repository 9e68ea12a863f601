import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const ROUNDS = 9
const bin = fileURLToPath(new URL('../bin/omniboard.mjs', import.meta.url))
const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))

function wallMs(args: string[]): number {
  const start = performance.now()
  execFileSync(process.execPath, args, { stdio: 'ignore' })
  return performance.now() - start
}

/** `omniboard --help` against `node -e 0`, in alternating rounds: what the CLI adds to starting Node at all. */
export async function benchCliStart(log: (line: string) => void): Promise<Figure[]> {
  if (!existsSync(built)) {
    log('cli: no build in out/, running npm run build…')
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
  }
  wallMs([bin, '--help'])
  const help: number[] = []
  const bare: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(wallMs(['-e', '0']))
    help.push(wallMs([bin, '--help']))
  }
  return [
    figure(
      {
        id: 'cli.start',
        area: 'cli',
        goal: goalOf('cli.start'),
        measured: round(median(help) / median(bare)),
        unit: '×',
        method: `median wall time of \`node bin/omniboard.mjs --help\` ÷ median of \`node -e 0\`, ${ROUNDS} alternating rounds`,
        details: { helpMedianMs: round(median(help)), nodeMedianMs: round(median(bare)) },
      },
      { max: 3 },
    ),
  ]
}
