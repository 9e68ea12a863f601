#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process'

const steps = [
  ['typecheck', ['npm', ['run', 'typecheck']]],
  ['lint (including the 250-line limit)', ['npm', ['run', 'lint']]],
  ['layer rules (dependency-cruiser)', ['npm', ['run', 'check:layers']]],
  ['unused files, exports and dependencies (knip)', ['npm', ['run', 'check:unused']]],
  // The build comes first so the security suite can check the CSP that ships.
  ['build', ['npm', ['run', 'build']]],
  ['Electronegativity over the build', ['node', ['scripts/check-electronegativity.mjs']]],
  // The CI registry has no audit endpoint; the script then says so loudly instead of failing (see SECURITY.md).
  ['npm audit of production dependencies', ['node', ['scripts/check-audit.mjs', '--allow-unreachable']]],
  ['unit, component, fault and security tests', ['npx', ['vitest', 'run']]],
  ['browser end-to-end tests', ['npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']]],
]

for (const [label, [command, args]] of steps) {
  console.log(`\n▶ ${label}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
