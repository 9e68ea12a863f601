import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Apple's FCPXML 1.9 DTD lives in the shared reference folder beside the repository (it is Apple's text, not ours);
 * CI's clone has that folder beside it too. See ../shared/reference/SOURCES.md for where it came from.
 */
const FCPXML_DTD = path.resolve(import.meta.dirname, '../../../../shared/reference/FCPXMLv1_9.dtd')

/**
 * What `xmllint --noout --dtdvalid` says of a document: '' when it is valid. Throws when xmllint or the DTD is
 * missing, so the check fails rather than passing unchecked (`apt-get install libxml2-utils`).
 */
export function dtdErrors(xml: string): string {
  if (!existsSync(FCPXML_DTD)) throw new Error(`The FCPXML DTD is not at ${FCPXML_DTD}; the shared reference folder must sit beside the repository.`)
  const dir = mkdtempSync(path.join(tmpdir(), 'fcpxml-dtd-'))
  try {
    const file = path.join(dir, 'cut.fcpxml')
    writeFileSync(file, xml)
    const run = spawnSync('xmllint', ['--noout', '--dtdvalid', FCPXML_DTD, file], { encoding: 'utf8' })
    if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install libxml2-utils.`)
    return run.status === 0 ? '' : run.stderr || `xmllint exited ${run.status}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
