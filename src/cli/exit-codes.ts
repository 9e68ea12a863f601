import type { AppError, ErrorCode } from '../shared/errors'

/** Documented in --help; scripts branch on them, so they never change meaning. */
export const exitCodes = {
  ok: 0,
  usage: 2,
  invalidProject: 3,
  apiRejected: 4,
  taskFailed: 5,
  other: 6,
  timedOut: 7,
  /** The plan would pass a budget (the app's daily, monthly or project cap, or --budget); nothing was sent. */
  overBudget: 8,
  interrupted: 130,
} as const
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

const { usage, invalidProject, apiRejected, taskFailed, overBudget, other } = exitCodes

/** Every error code has its exit code here: a code added to shared/errors.ts does not compile until it is placed. */
const exitCodeByError = {
  no_api_key: usage,

  // The project, a clip or a file in it is what is wrong: fixing it, not retrying, helps.
  clip_invalid: invalidProject,
  not_found: invalidProject,
  project_not_found: invalidProject,
  project_locked: invalidProject,
  project_corrupt: invalidProject,
  project_unsafe_file: invalidProject,
  project_too_new: invalidProject,
  project_changed_on_disk: invalidProject,
  image_not_supported: invalidProject,
  image_too_large: invalidProject,
  image_too_small: invalidProject,
  image_bad_aspect: invalidProject,
  image_unreadable: invalidProject,
  script_too_large: invalidProject,
  script_unreadable: invalidProject,
  script_unsafe: invalidProject,

  // MuleRouter answered and said no: retrying the same way will not help.
  api_unauthorized: apiRejected,
  api_insufficient_credits: apiRejected,
  api_forbidden: apiRejected,
  api_not_found: apiRejected,
  api_rejected: apiRejected,
  api_rate_limited: apiRejected,

  task_failed: taskFailed,
  task_refused: taskFailed,

  budget_exceeded: overBudget,

  invalid_request: other,
  forbidden_sender: other,
  internal: other,
  project_not_open: other,
  disk_full: other,
  disk_permission: other,
  disk_error: other,
  audio_not_supported: other,
  image_too_many_pixels: other,
  image_download_failed: other,
  image_url_private: other,
  key_storage_insecure: other,
  api_server_error: other,
  network_offline: other,
  api_timeout: other,
  api_malformed: other,
  submit_outcome_unknown: other,
  download_expired: other,
  download_failed: other,
  job_busy: other,
  base_url_refused: other,
  api_key_origin_refused: other,
  media_unreadable: other,
  take_file_missing: other,
  export_cancelled: other,
  export_failed: other,
  frame_failed: other,
  library_error: other,
  follow_timeout: other,
  upload_interrupted: other,
  close_cancelled: other,
  video_url_refused: other,
  video_link_gone: other,
} as const satisfies Record<ErrorCode, ExitCode>

export const exitCodeFor = (error: AppError): ExitCode => exitCodeByError[error.code]
