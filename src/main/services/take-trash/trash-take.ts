import { promises as fs } from 'node:fs'
import { finalTakeStatuses } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import type { ProjectSession } from '../project/project-session'

/**
 * Deletes a take the user no longer wants: its video goes to the system trash (recoverable), then the project
 * forgets it. The files go first, so a failing trash changes nothing; a running or chosen take is refused, since a
 * running one may still be paid for and the chosen one is in the cut.
 */
export async function trashTake(
  session: Pick<ProjectSession, 'project' | 'takeFilePath' | 'removeTake'>,
  takeId: string,
  trashItem: (filePath: string) => Promise<void>,
): Promise<void> {
  const project = session.project()
  const take = project.takes.find((candidate) => candidate.id === takeId)
  if (!take) fail('not_found', 'That take is not in this project.', 'It may have been deleted already.')
  if (!finalTakeStatuses.includes(take.status)) fail('job_busy', 'This take is still being generated.', 'Cancel it or wait for it to finish, then delete it.')
  if (project.clips.some((clip) => clip.chosenTakeId === takeId)) {
    fail('invalid_request', 'This is the chosen take of its clip.', 'Choose another take first, then delete this one.')
  }
  for (const file of take.files) {
    if (!file.fileName) continue
    const filePath = session.takeFilePath(file.fileName)
    const present = await fs.lstat(filePath).then((stat) => stat.isFile(), () => false)
    if (!present) continue
    try {
      await trashItem(filePath)
    } catch {
      fail('disk_error', 'The video could not be moved to the trash.', 'Check that the project folder is writable, then try again.')
    }
  }
  await session.removeTake(takeId)
}
