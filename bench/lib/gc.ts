import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gcFunction = runInNewContext('gc') as (() => void) | undefined

/** Collects garbage between rounds so one round's 60 MB of strings is not cleaned up inside the next one's timing. */
export function collectGarbage(): void {
  gcFunction?.()
}
