import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createLifecycle } from '../../../src/main/desktop/app-lifecycle'
import { bringToFront } from '../../../src/main/desktop/window-focus'

/** An `app` that behaves as Electron's does for a quit: before-quit first, prevented means no quit. */
function fakeApp() {
  const emitter = new EventEmitter()
  const app = {
    quits: 0,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter listeners take any arguments
    on: (event: string, listener: (...args: any[]) => void) => emitter.on(event, listener),
    emit: (event: string) => emitter.emit(event),
    /** Returns whether the quit went through, as Electron decides it after before-quit. */
    quit() {
      let prevented = false
      emitter.emit('before-quit', { preventDefault: () => (prevented = true) })
      if (!prevented) app.quits++
    },
  }
  return app
}

function setUp(platform: string, answers: boolean[] = []) {
  const app = fakeApp()
  const calls: string[] = []
  let windows = 0
  const lifecycle = createLifecycle({
    app,
    platform,
    closeProject: async () => (calls.push('closeProject'), answers.shift() ?? true),
    shutDown: async () => void calls.push('shutDown'),
    hasWindow: () => windows > 0,
    openWindow: () => void windows++,
    log: () => undefined,
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { app, calls, lifecycle, settle, windows: () => windows }
}

describe('the quit path', () => {
  it('closes the project, shuts down, then quits — without any window closing', async () => {
    const { app, calls, lifecycle, settle } = setUp('linux')
    app.quit()
    expect(app.quits).toBe(0)
    await settle()
    expect(calls).toEqual(['closeProject', 'shutDown'])
    expect(app.quits).toBe(1)
    expect(lifecycle.windowMayClose()).toBe(true)
  })

  it('stays running when the user keeps the project open', async () => {
    const { app, calls, lifecycle, settle } = setUp('darwin', [false])
    app.quit()
    await settle()
    expect(calls).toEqual(['closeProject'])
    expect(app.quits).toBe(0)
    expect(lifecycle.windowMayClose()).toBe(false)
  })

  it('asks once when quit is pressed again while the question is open', async () => {
    const { app, calls, settle } = setUp('win32')
    app.quit()
    app.quit()
    await settle()
    expect(calls).toEqual(['closeProject', 'shutDown'])
    expect(app.quits).toBe(1)
  })
})

describe('windows', () => {
  it('on macOS keeps running without windows and reopens one on activate', async () => {
    const { app, calls, lifecycle, windows } = setUp('darwin')
    expect(await lifecycle.windowClosing()).toBe(true)
    expect(calls).toEqual(['closeProject'])
    app.emit('window-all-closed')
    expect(app.quits).toBe(0)
    app.emit('activate')
    expect(windows()).toBe(1)
    app.emit('activate')
    expect(windows()).toBe(1)
  })

  it('elsewhere closing the window is quitting', async () => {
    const { app, lifecycle, settle } = setUp('linux')
    expect(await lifecycle.windowClosing()).toBe(false)
    await settle()
    expect(app.quits).toBe(1)
  })

  it('restores a minimised window before focusing it', () => {
    const calls: string[] = []
    const window = (minimized: boolean) => ({
      isMinimized: () => minimized,
      restore: () => void calls.push('restore'),
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    })
    bringToFront(window(true))
    expect(calls).toEqual(['restore', 'show', 'focus'])
    calls.length = 0
    bringToFront(window(false))
    expect(calls).toEqual(['show', 'focus'])
  })
})
