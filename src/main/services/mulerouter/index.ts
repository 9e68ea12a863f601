export { buildRequestBody, assetReaderFor, assetRef, type BuiltRequest, type AssetReader, type ImageEncoding, type RequestBody } from './build-request'
export { encodeImageForRequest, encodeBase64InSlices, encodedImageLength } from './encode-image'
export { materializeBody, planBody } from './request-body'
export {
  createMuleRouterClient,
  omniboardUserAgent,
  submitWasNotSent,
  KEY_CHECK_TASK_ID,
  type MuleRouterClient,
  type MuleRouterClientOptions,
  type SubmitResult,
  type TaskState,
} from './client'
export type { DownloadOptions, DownloadProgress, DownloadResult } from './download'
export { redactSecret } from './http-errors'
export { taskFailed } from './task-errors'
export {
  TextToVideoRequestSchema,
  TaskEnvelopeSchema,
  classifyTaskStatus,
  isKnownStatus,
  taskPath,
  generationUrlPath,
  type StatusKind,
  type TaskError,
  type TextToVideoRequest,
} from './request-schema'
