import { useEffect, useRef } from 'react'
import type { AppCommand } from '../../../../../shared/app-commands'

type Name = AppCommand['command']
type Listener = (command: AppCommand) => void

/** Commands whose dialog lives in a component's own state (New project, Export for editor, a shot list's report). */
const listeners = new Map<Name, Listener>()

/** Runs the mounted component's handler for a command; false when none is mounted. */
export function runLocalCommand(command: AppCommand): boolean {
  const listener = listeners.get(command.command)
  listener?.(command)
  return listener !== undefined
}

/** While mounted, this component answers `name` from the native menu. */
export function useAppCommand(name: Name, handler: Listener): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const listener: Listener = (command) => latest.current(command)
    listeners.set(name, listener)
    return () => {
      if (listeners.get(name) === listener) listeners.delete(name)
    }
  }, [name])
}
