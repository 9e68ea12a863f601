import { finalTakeStatuses, takeStatuses, type Take, type TakeFile } from './project'

/** How far a take has come; every final status counts the same, since none of them moves on. */
const progress = (take: Take): number => (finalTakeStatuses.includes(take.status) ? takeStatuses.length : takeStatuses.indexOf(take.status))

function mergeFiles(disk: readonly TakeFile[], memory: readonly TakeFile[]): TakeFile[] {
  const byIndex = new Map(disk.map((file) => [file.index, file]))
  for (const known of memory) {
    const onDisk = byIndex.get(known.index)
    // A downloaded file (its name) or fresh result URL known only here must survive the reload.
    byIndex.set(known.index, onDisk === undefined || (onDisk.fileName === null && known.fileName !== null) ? known : onDisk)
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index).slice(0, 20)
}

function mergeTake(disk: Take, memory: Take): Take {
  const ahead = progress(memory) > progress(disk) ? memory : disk
  return {
    ...disk,
    status: ahead.status,
    remoteStatus: ahead.remoteStatus,
    error: ahead.error,
    finishedAt: ahead.finishedAt,
    submittedAt: disk.submittedAt ?? memory.submittedAt,
    taskId: disk.taskId ?? memory.taskId,
    updatedAt: ahead.updatedAt,
    files: mergeFiles(disk.files, memory.files),
  }
}

/**
 * The takes after reloading a project.json someone else changed: theirs, plus everything only this window knows
 * about a generation (task ids, result URLs, downloaded files, later statuses). A paid result is never dropped.
 */
export function mergeTakes(disk: readonly Take[], memory: readonly Take[]): Take[] {
  const known = new Map(memory.map((take) => [take.id, take]))
  const merged = disk.map((take) => {
    const ours = known.get(take.id)
    return ours === undefined ? take : mergeTake(take, ours)
  })
  const onDisk = new Set(disk.map((take) => take.id))
  return [...merged, ...memory.filter((take) => !onDisk.has(take.id))]
}
