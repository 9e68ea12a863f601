import type { AppCommand } from '../../shared/app-commands'

export type CommandOutbox = {
  send(command: AppCommand): void
  /** The window reported its state: it listens, so what waited goes now. */
  windowReady(): void
  /** The window is (re)loading, crashed or closed: commands wait for the next one. */
  windowGone(): void
}

/**
 * Commands for the window wait until it listens: a folder passed on the command line or by macOS `open-file`
 * arrives before the page has loaded, and one sent to a page still loading would be lost.
 */
export function createCommandOutbox(deliver: (command: AppCommand) => void): CommandOutbox {
  let ready = false
  const waiting: AppCommand[] = []
  return {
    send(command) {
      if (ready) deliver(command)
      else waiting.push(command)
    },
    windowReady() {
      ready = true
      for (const command of waiting.splice(0)) deliver(command)
    },
    windowGone() {
      ready = false
    },
  }
}
