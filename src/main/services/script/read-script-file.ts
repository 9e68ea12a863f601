import path from 'node:path'
import { fail } from '../../../shared/errors'
import { MAX_SCRIPT_BYTES, type Screenplay } from '../../../shared/script/screenplay'
import { readChosenFile } from '../disk/read-chosen-file'
import { parseScript, refuseOversize } from './parse-script'

/**
 * Reads a script from disk for the terminal: the size is checked before a byte is read, and at most one byte past
 * the bound is ever read, so a huge file (or one growing while it is read) costs nothing.
 */
export async function readScriptFile(file: string): Promise<Screenplay> {
  const name = path.basename(file)
  const read = await readChosenFile(file, MAX_SCRIPT_BYTES).catch(() => fail('not_found', `${file} could not be opened.`, 'Check the path and that the file can be read.'))
  if (read === null) fail('script_unreadable', `${name} is not a file.`, 'Give the path of a .fountain or .fdx file.')
  refuseOversize(name, Math.max(read.size, read.bytes.byteLength))
  return parseScript(name, read.bytes)
}
