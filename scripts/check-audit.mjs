#!/usr/bin/env node
// `npm audit --omit=dev`: fails on any high or critical advisory in what we ship, unless SECURITY.md explains it
// under "Accepted npm audit findings" (a line naming the package in backticks, or the advisory's GHSA id).
//
// When the registry's audit endpoint cannot be reached (offline, or a mirror that does not implement it — this
// project's CI registry answers 405), that is not a pass: the script says so and exits 2. With
// `--allow-unreachable` (used by `npm test`, whose CI has no audit endpoint) it says so loudly and exits 0.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const allowUnreachable = process.argv.includes('--allow-unreachable')
const failing = new Set(['high', 'critical'])

function acceptedInSecurityMd() {
  const text = readFileSync(path.join(root, 'SECURITY.md'), 'utf8')
  const section = /^## Accepted npm audit findings\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1] ?? ''
  const accepted = new Set()
  for (const line of section.split('\n').filter((l) => /^\s*[-*] /.test(l))) {
    // Only lines that also give a reason count: "- `pkg` (GHSA-…): why it cannot hurt us".
    if (!/:\s*\S.{10,}/.test(line)) continue
    for (const match of line.matchAll(/`([^`]+)`|(GHSA(?:-[a-z0-9]{4}){3})/gi)) accepted.add((match[1] ?? match[2]).toLowerCase())
  }
  return accepted
}

// `--report <file>` checks a saved `npm audit --omit=dev --json` output instead (one made on a connected machine).
const reportFile = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : null
const audit = reportFile
  ? { stdout: readFileSync(reportFile, 'utf8'), stderr: '', status: 0 }
  : spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32', maxBuffer: 64 * 1024 * 1024 })
let report
try {
  report = JSON.parse(audit.stdout)
} catch {
  report = null
}

if (report === null || report.vulnerabilities === undefined) {
  const reason = report?.message ?? report?.error?.summary ?? (audit.stderr.trim().split('\n').at(-1) || `npm exited with ${audit.status}`)
  const message = `npm audit could not reach the registry's audit endpoint: ${reason}. No advisory was checked.`
  if (allowUnreachable) {
    console.warn(`⚠ SKIPPED: ${message}\n  Run \`node scripts/check-audit.mjs\` where https://registry.npmjs.org is reachable.`)
    process.exit(0)
  }
  console.error(`✖ ${message}`)
  process.exit(2)
}

const accepted = acceptedInSecurityMd()
const advisoryIds = (vulnerability) =>
  vulnerability.via.filter((via) => typeof via === 'object').map((via) => /GHSA(?:-[a-z0-9]{4}){3}/i.exec(via.url ?? '')?.[0]?.toLowerCase() ?? String(via.source))
const problems = []
const explained = []
for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
  if (!failing.has(vulnerability.severity)) continue
  const ids = advisoryIds(vulnerability)
  const line = `${name} ${vulnerability.range ?? ''} (${vulnerability.severity}${ids.length ? `; ${ids.join(', ')}` : '; through ' + vulnerability.via.join(', ')})`
  if (accepted.has(name.toLowerCase()) || (ids.length > 0 && ids.every((id) => accepted.has(id)))) explained.push(line)
  else problems.push(line)
}

const counts = report.metadata?.vulnerabilities ?? {}
console.log(`npm audit --omit=dev: ${Object.entries(counts).map(([level, n]) => `${n} ${level}`).join(', ')}`)
for (const line of explained) console.log(`  explained in SECURITY.md: ${line}`)
if (problems.length > 0) {
  console.error(`✖ ${problems.length} high or critical finding(s) not explained in SECURITY.md:`)
  for (const line of problems) console.error(`  - ${line}`)
  console.error('Update the dependency, or explain under "Accepted npm audit findings" in SECURITY.md why it cannot hurt Omniboard users.')
  process.exit(1)
}
console.log('✔ no unexplained high or critical advisory in production dependencies')
