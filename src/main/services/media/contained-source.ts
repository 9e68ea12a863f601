import { CustomSource } from 'mediabunny'
import type { ContainedFile } from '../disk/contained-file'

/**
 * A take for mediabunny, read through the handle openContained checked rather than by path, so what mediabunny
 * parses is the very file that was checked, even if the path is swapped for a link a moment later.
 */
export function containedSource(file: ContainedFile): CustomSource {
  return new CustomSource({
    getSize: () => file.size,
    read: async (start, end) => {
      const bytes = new Uint8Array(end - start)
      let filled = 0
      while (filled < bytes.byteLength) {
        const { bytesRead } = await file.handle.read(bytes, filled, bytes.byteLength - filled, start + filled)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      return bytes.subarray(0, filled)
    },
    prefetchProfile: 'fileSystem',
  })
}
