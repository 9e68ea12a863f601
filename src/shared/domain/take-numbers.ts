import type { Take } from './project'

/**
 * A take's number within its clip: 1 for the clip's first take, counting in the order takes were made (the order
 * of `project.takes`). Users say "take 3"; ids are for files and machines.
 */
export function takeNumberOf(takes: readonly Pick<Take, 'id' | 'clipId'>[], takeId: string): number | null {
  const take = takes.find((candidate) => candidate.id === takeId)
  if (!take) return null
  let number = 0
  for (const candidate of takes) {
    if (candidate.clipId !== take.clipId) continue
    number++
    if (candidate.id === takeId) return number
  }
  return null
}
