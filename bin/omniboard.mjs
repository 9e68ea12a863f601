#!/usr/bin/env node
// Runs the CLI as built by `npm run build` (out/main/cli.js): plain JavaScript starts at once, where compiling
// the TypeScript at every start took half a second. During development, `npm run cli -- <args>` runs the source.
import { existsSync } from 'node:fs'

const built = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(built)) {
  process.stderr.write('omniboard: the command-line tool has not been built yet. Run `npm run build` in the Omniboard folder, then try again.\n')
  process.exit(6)
}
const { main } = await import(built.href)
await main()
