import { constants, promises as fs } from 'node:fs'

// Windows has no O_NONBLOCK; it has no FIFOs in the file system either.
const NON_BLOCK = constants.O_NONBLOCK ?? 0

/**
 * Reads a file the user chose (a dialog, the command line) without trusting what is at that path: a FIFO is opened
 * without waiting for a writer, anything but a plain file resolves null, and at most `maxBytes + 1` bytes are read:
 * `size` is the file's size on disk, and a file that grew past the bound while read shows by the bytes' length.
 */
export async function readChosenFile(file: string, maxBytes: number): Promise<{ bytes: Buffer; size: number } | null> {
  const handle = await fs.open(file, constants.O_RDONLY | NON_BLOCK)
  try {
    const info = await handle.stat()
    if (!info.isFile()) return null
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return { bytes: buffer.subarray(0, bytesRead), size: info.size }
  } finally {
    await handle.close()
  }
}
