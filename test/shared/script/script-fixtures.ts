import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The committed, self-written scripts under test/fixtures/scripts. */
export const scriptFixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/scripts/${name}`, import.meta.url)), 'utf8')
