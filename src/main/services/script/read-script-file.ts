import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fail } from '../../../shared/errors'
import { MAX_SCRIPT_BYTES, type Screenplay } from '../../../shared/script/screenplay'
import { parseScript, refuseOversize } from './parse-script'

/**
 * Reads a script from disk for the terminal: the size is checked before a byte is read, and at most one byte past
 * the bound is ever read, so a huge file (or one growing while it is read) costs nothing.
 */
export async function readScriptFile(file: string): Promise<Screenplay> {
  const name = path.basename(file)
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'r')
  } catch {
    return fail('not_found', `${file} could not be opened.`, 'Check the path and that the file can be read.')
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) fail('script_unreadable', `${name} is not a file.`, 'Give the path of a .fountain or .fdx file.')
    refuseOversize(name, info.size)
    const buffer = Buffer.alloc(Math.min(info.size, MAX_SCRIPT_BYTES) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    refuseOversize(name, bytesRead)
    return parseScript(name, buffer.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}
