import { describe, expect, it } from 'vitest'
import { createCommandOutbox } from '../../../src/main/desktop/command-outbox'
import { pathOfDroppedFileUrl, projectPathFromArgv } from '../../../src/main/desktop/open-requests'
import type { AppCommand } from '../../../src/shared/app-commands'

describe('a project folder from the command line', () => {
  const packaged = { defaultApp: false, cwd: '/home/ana' }
  it('takes the first argument after the program, resolved from where the command ran', () => {
    expect(projectPathFromArgv(['/opt/Omniboard/omniboard', '/films/Harbour.omniboard'], packaged)).toBe('/films/Harbour.omniboard')
    expect(projectPathFromArgv(['/opt/Omniboard/omniboard', 'Harbour.omniboard'], packaged)).toBe('/home/ana/Harbour.omniboard')
  })

  it('skips the app path of `electron .` and every switch, including those Chromium adds to a second instance', () => {
    expect(projectPathFromArgv(['/usr/bin/electron', '.', '--demo'], { defaultApp: true, cwd: '/src' })).toBeNull()
    expect(
      projectPathFromArgv(['/opt/Omniboard/omniboard', '--allow-file-access-from-files', '--original-process-start-time=1', '-psn_0_1234', 'Dock scene'], { defaultApp: false, cwd: '/films' }),
    ).toBe('/films/Dock scene')
  })

  it('finds nothing in a plain start', () => {
    expect(projectPathFromArgv(['/opt/Omniboard/omniboard'], packaged)).toBeNull()
    expect(projectPathFromArgv([], packaged)).toBeNull()
  })
})

describe('a folder dropped on the window', () => {
  it('is read from the file URL the page tried to navigate to', () => {
    expect(pathOfDroppedFileUrl('file:///films/Harbour%20night.omniboard/')).toBe('/films/Harbour night.omniboard/')
    expect(pathOfDroppedFileUrl('https://example.com/')).toBeNull()
    expect(pathOfDroppedFileUrl('file://remote-host/share')).toBeNull()
  })
})

describe('commands for the window', () => {
  it('wait until the window listens, then go in order; a reload makes them wait again', () => {
    const delivered: AppCommand[] = []
    const outbox = createCommandOutbox((command) => void delivered.push(command))
    outbox.send({ command: 'project:openPath', path: '/films/A' })
    outbox.send({ command: 'project:openPath', path: '/films/B' })
    expect(delivered).toEqual([])
    outbox.windowReady()
    expect(delivered.map((command) => 'path' in command && command.path)).toEqual(['/films/A', '/films/B'])
    outbox.windowGone()
    outbox.send({ command: 'history:undo' })
    expect(delivered).toHaveLength(2)
    outbox.windowReady()
    outbox.windowReady()
    expect(delivered.at(-1)).toEqual({ command: 'history:undo' })
    expect(delivered).toHaveLength(3)
  })
})
