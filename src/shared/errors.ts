import { z } from 'zod'

/** Every failure the UI can show. A closed union so the UI can decide what to offer next. */
export const errorCodes = [
  'invalid_request',
  'forbidden_sender',
  'internal',
  'not_found',
  'project_not_found',
  'project_locked',
  'project_corrupt',
  'project_too_new',
  'project_changed_on_disk',
  'project_not_open',
  /** A link, FIFO, socket, device or misplaced folder in a project folder, refused rather than followed. */
  'project_unsafe_file',
  'disk_full',
  'disk_permission',
  'disk_error',
  'image_not_supported',
  'image_too_large',
  'image_too_small',
  'image_bad_aspect',
  'image_unreadable',
  'image_too_many_pixels',
  'image_download_failed',
  /** A dropped link leads to this computer or a private network; the user may confirm and download it anyway. */
  'image_url_private',
  'clip_invalid',
  'no_api_key',
  'key_storage_insecure',
  'api_unauthorized',
  'api_insufficient_credits',
  'api_forbidden',
  'api_not_found',
  'api_rejected',
  'api_rate_limited',
  'api_server_error',
  'network_offline',
  'api_timeout',
  'api_malformed',
  'task_failed',
  /** Kling would not make the video for its content (moderation, policy); the same request is refused again. */
  'task_refused',
  'submit_outcome_unknown',
  'download_expired',
  'download_failed',
  'job_busy',
  'base_url_refused',
  'api_key_origin_refused',
  'media_unreadable',
  'take_file_missing',
  'export_cancelled',
  'export_failed',
  'frame_failed',
  'library_error',
  'follow_timeout',
  'upload_interrupted',
  /** Queueing or sending would pass a budget cap (project, day or month); nothing was sent. */
  'budget_exceeded',
  /** A screenplay file over the size a script can have; nothing was read into the project. */
  'script_too_large',
  /** Not a screenplay Omniboard reads: binary, not UTF-8 text, not Fountain or Final Draft, or unparseable XML. */
  'script_unreadable',
  /** A Final Draft file declaring a DTD or entities (an XML bomb or external entity); never expanded. */
  'script_unsafe',
  /** The user chose to keep the project open (takes still queued or running). */
  'close_cancelled',
  /** A user's video link failed its check (not https, private, not a video, too large, unreachable, outside Kling's rules). */
  'video_url_refused',
  /** MuleRouter no longer has a take's video, so an edit or next shot of it cannot be sent; a user's link can stand in. */
  'video_link_gone',
] as const

export const ErrorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** Plain words for the user. Never contains secrets or stack traces. */
  message: z.string(),
  /** What the user can do next. */
  hint: z.string(),
  /** For rate limits: how long to wait before trying again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
})
export type AppError = z.infer<typeof AppErrorSchema>

export function appError(code: ErrorCode, message: string, hint: string, extra?: { retryAfterMs?: number }): AppError {
  return extra?.retryAfterMs === undefined ? { code, message, hint } : { code, message, hint, retryAfterMs: extra.retryAfterMs }
}

/** Thrown inside main-process services; the IPC adapter turns it back into a plain AppError value. */
export class AppErrorException extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'AppErrorException'
  }
}

export function fail(code: ErrorCode, message: string, hint: string, extra?: { retryAfterMs?: number }): never {
  throw new AppErrorException(appError(code, message, hint, extra))
}

export function isAppErrorException(value: unknown): value is AppErrorException {
  return value instanceof AppErrorException
}
