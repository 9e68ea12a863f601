import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openContained, reopenContained } from '../../../src/main/services/disk/contained-file'
import { tempDir } from '../project/temp-project'

async function checkedTake() {
  const dir = await tempDir()
  const file = path.join(dir, 'take.mp4')
  await fs.writeFile(file, 'the bytes that were checked')
  const checked = await openContained(dir, file)
  await checked.handle.close()
  return { dir, file, identity: checked.identity }
}

describe('reopenContained', () => {
  it('opens the file again while it is the one that was checked', async () => {
    const { file, identity } = await checkedTake()
    const again = await reopenContained(file, identity)

    expect(await again?.handle.readFile('utf8')).toBe('the bytes that were checked')
    await again?.handle.close()
  })

  it('refuses another file, a link to the same file, or a rewrite in place put in its place since', async () => {
    const { dir, file, identity } = await checkedTake()
    const other = path.join(dir, 'other.mp4')
    await fs.writeFile(other, 'the bytes that were checked')
    await fs.rename(other, file)
    expect(await reopenContained(file, identity)).toBeNull()

    const second = await checkedTake()
    const kept = path.join(second.dir, 'kept.mp4')
    await fs.rename(second.file, kept)
    await fs.symlink(kept, second.file)
    expect(await reopenContained(second.file, second.identity)).toBeNull()

    const third = await checkedTake()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await fs.writeFile(third.file, 'THE BYTES THAT WERE CHECKED')
    expect(await reopenContained(third.file, third.identity)).toBeNull()
  })
})
