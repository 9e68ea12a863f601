import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineFor, recorder, takeOf, useWorld } from './harness'

describe('unfinished downloads left in takes/', () => {
  const world = useWorld(['One', 'Two'])

  it('are removed when the project opens unless a take will resume them; finished videos stay', async () => {
    const { fake, session } = world
    const first = engineFor(session, fake, recorder())
    const done = await first.start(session.project().clips[0]!.id)
    await first.idle()
    // A take stopped while its video was downloading: Check again will resume its partial file.
    fake.failNext('download', { kind: 'hang' })
    const stopped = await first.start(session.project().clips[1]!.id)
    await new Promise<void>((resolve) => {
      const check = () => (takeOf(session, stopped.id).status === 'downloading' ? resolve() : setTimeout(check, 5))
      check()
    })
    await first.cancel(stopped.id)
    await first.dispose()

    const folder = path.dirname(session.takeFilePath('x'))
    const video = takeOf(session, done.id).files[0]!.fileName!
    const litter = [`${done.id}-0.mp4.part`, `${done.id}-0.mp4.part.json`, 'gone-take-0.mp4.part', `${video}.3f9a1c2b.part`]
    const resumable = [`${stopped.id}-0.mp4.part`, `${stopped.id}-0.mp4.part.json`]
    for (const name of [...litter, ...resumable]) await writeFile(path.join(folder, name), 'partial bytes')

    const reopened = engineFor(session, fake, recorder())
    await reopened.resume()
    await reopened.idle()
    expect((await readdir(folder)).sort()).toEqual([video, ...resumable].sort())
  })
})
