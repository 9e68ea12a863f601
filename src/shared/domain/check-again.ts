import type { Take } from './project'

const downloadFailed = (take: Take): boolean =>
  take.status === 'failed' && (take.error?.code === 'download_expired' || take.error?.code === 'download_failed')

/**
 * Whether "Check again" applies: the take's task exists at MuleRouter (so asking about it costs nothing) and its
 * video may still be fetched — Omniboard stopped following it, its download failed, or its file went missing.
 */
export function canCheckAgain(take: Take): boolean {
  if (take.taskId === null) return false
  return take.status === 'stopped' || downloadFailed(take) || take.status === 'completed' || take.status === 'downloading'
}
