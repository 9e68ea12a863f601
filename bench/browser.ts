import type { Storyboard } from './fixtures/storyboard-project'
import type { Figure } from './lib/report'

export async function benchBrowser(_storyboard: Storyboard, log: (line: string) => void): Promise<Figure[]> {
  log('browser: not written yet')
  return []
}
