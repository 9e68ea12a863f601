import path from 'node:path'
import { nodeDurableFs, type DurableFs } from '../../../src/main/services/disk/atomic-write'

export type DiskStep = 'open' | 'write' | 'fsync' | 'rename' | 'fsync-folder' | 'link'
export type DiskFault = { step: DiskStep; errno: string; fileName: string }

/**
 * The real file system, except that while `fault` is set, one step of writing `fault.fileName` fails the way
 * a real disk does (a full disk accepts half the data first).
 */
export function faultyDisk(): DurableFs & { fault: DiskFault | null } {
  const hits = (step: DiskStep, filePath: string) => {
    const fault = disk.fault
    if (fault === null || fault.step !== step) return null
    const name = path.basename(filePath)
    return name === fault.fileName || name.startsWith(`${fault.fileName}.omniboard-tmp-`) ? fault.errno : null
  }
  const disk: DurableFs & { fault: DiskFault | null } = {
    ...nodeDurableFs,
    fault: null,
    async createExclusive(filePath) {
      const failOpen = hits('open', filePath)
      if (failOpen) raise(failOpen)
      const file = await nodeDurableFs.createExclusive(filePath)
      return {
        async write(data) {
          const errno = hits('write', filePath)
          if (errno === null) return file.write(data)
          await file.write(data.subarray(0, data.length >> 1))
          raise(errno)
        },
        sync: async () => {
          const errno = hits('fsync', filePath)
          return errno === null ? file.sync() : raise(errno)
        },
        close: () => file.close(),
      }
    },
    async rename(from, to) {
      const errno = hits('rename', from)
      return errno === null ? nodeDurableFs.rename(from, to) : raise(errno)
    },
    async linkSoleFile(existing, newPath) {
      const errno = hits('link', newPath)
      return errno === null ? nodeDurableFs.linkSoleFile(existing, newPath) : raise(errno)
    },
    async syncDirectory(dir) {
      const errno = disk.fault?.step === 'fsync-folder' ? disk.fault.errno : null
      return errno === null ? nodeDurableFs.syncDirectory(dir) : raise(errno)
    },
  }
  return disk
}

function raise(errno: string): never {
  throw Object.assign(new Error(`${errno}: simulated disk fault`), { code: errno })
}
