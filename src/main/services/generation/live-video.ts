import type { Project } from '../../../shared/domain/project'
import { validateVideoSource, videoSourceLabel, type VideoUse } from '../../../shared/domain/validate-video'
import { AppErrorException, appError, type AppError } from '../../../shared/errors'
import { takeIdOfVideoRef } from '../../../shared/takes/path-form'
import type { RequestBody } from '../mulerouter/request-body'
import { freshLink } from './fresh-link'
import type { JobContext } from './job-context'

type VideoItem = { video_url: string; refer_type: string; keep_original_sound: string }
export type LiveVideo = { body: RequestBody } | { failed: AppError }

/**
 * The body with its video as MuleRouter is to fetch it, settled just before the POST. A take's video: its result
 * link asked afresh from its task (MuleRouter has no upload; the link it handed out may have expired). A user's
 * link: checked again (type, size, Kling's rules), since the file behind it may have changed since it was added.
 * A body without a video is returned as it is. Offline, it throws: the take stays queued and is tried again.
 */
export async function withLiveVideo(ctx: Pick<JobContext, 'client' | 'log' | 'session' | 'videoUrls'>, body: RequestBody): Promise<LiveVideo> {
  const list = body.snapshot.video_list as VideoItem[] | undefined
  const item = list?.[0]
  if (!item) return { body }
  const use: VideoUse = item.refer_type === 'base' ? 'an edit' : 'a next shot'
  const takeId = takeIdOfVideoRef(item.video_url)
  const live = takeId === null ? await checkedUserLink(ctx, item.video_url, use) : await takeLink(ctx, ctx.session.project(), takeId, use)
  if (typeof live !== 'string') return live
  return { body: { ...body, snapshot: { ...body.snapshot, video_list: [{ ...item, video_url: live }] } } }
}

async function takeLink(ctx: Pick<JobContext, 'client' | 'log'>, project: Project, takeId: string, use: VideoUse): Promise<string | { failed: AppError }> {
  const source = project.takes.find((take) => take.id === takeId)
  const label = videoSourceLabel({ kind: 'take', takeId }, project.takes)
  const file = source?.files.find((candidate) => candidate.index === 0) ?? source?.files[0]
  if (!source || source.taskId === null || !file) return { failed: gone(label, use) }
  const link = await freshLink(ctx, source, file.index, file.url)
  if (link.kind === 'offline') throw new AppErrorException(appError('network_offline', 'MuleRouter cannot be reached.', 'The take waits in the queue for the connection.'))
  if (link.kind === 'gone') return { failed: gone(label, use) }
  return link.kind === 'fresh' ? link.url : file.url
}

async function checkedUserLink(ctx: Pick<JobContext, 'videoUrls'>, url: string, use: VideoUse): Promise<string | { failed: AppError }> {
  try {
    const checked = await ctx.videoUrls(url)
    const [problem] = validateVideoSource({ kind: 'url', url: checked.url, facts: checked.facts }, [], use, 'source')
    return problem ? { failed: appError('video_url_refused', problem.message, 'Give a link to a video within Kling\'s rules.') } : checked.url
  } catch (cause) {
    if (cause instanceof AppErrorException && cause.error.code === 'video_url_refused') return { failed: cause.error }
    throw cause
  }
}

const gone = (label: string, use: VideoUse): AppError =>
  appError(
    'video_link_gone',
    `MuleRouter no longer has ${label === 'The source take' ? 'the source take' : label.toLowerCase()}'s video, so ${use} of it cannot be sent. Nothing was sent or charged.`,
    'MuleRouter has no upload: host the same video yourself and give its https link as the source, or generate the take again.',
  )
