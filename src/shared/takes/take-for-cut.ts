import type { Clip, Take } from '../domain/project'

/**
 * The take a clip plays in the cut: the one the user chose, else its newest finished take, as the take viewer plays
 * it — a storyboard plays what has been made before anyone picks. A chosen take that has not finished stays chosen.
 * For one clip; a whole cut asks cutTakes, which answers the same from an index built once.
 */
export function takeForCut(clip: Pick<Clip, 'id' | 'chosenTakeId'>, takes: readonly Take[]): Take | null {
  if (clip.chosenTakeId !== null) {
    const chosen = takes.find((take) => take.id === clip.chosenTakeId && take.clipId === clip.id)
    if (chosen) return chosen
  }
  for (let index = takes.length - 1; index >= 0; index--) {
    const take = takes[index]
    if (take?.clipId === clip.id && take.status === 'completed') return take
  }
  return null
}
