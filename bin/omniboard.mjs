#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx is a runtime dependency, so there is no build step for the terminal.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
await main()
