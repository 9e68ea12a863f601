/**
 * Limits of the Kling V3 Omni endpoints (see shared/api). Every check in the app reads them from here.
 */
export const apiRules = {
  promptMaxChars: 2500,
  negativePromptMaxChars: 2500,
  shotPromptMaxChars: 512,
  minShots: 1,
  maxShots: 6,
  minShotDuration: 1,
  minDuration: 3,
  maxDuration: 15,
  defaultDuration: 5,
  /** Frame images and elements together. */
  maxImagesAndElements: 7,
  /** Warn-only rule from sister pages: with a first or last frame, at most this many elements. */
  maxElementsWithFrames: 3,
  maxReferenceImagesPerElement: 3,
  /** Scene and style images of a clip (reference-to-video); with frames and elements they share the limit of 7. */
  maxClipReferenceImages: 7,
  /** Reference images and elements together, on a path that also sends a video. */
  maxImagesAndElementsWithVideo: 4,
  /** A video sent by URL (never base64): edit and next shot. Kling's specification, the same on other resellers. */
  video: {
    minSeconds: 3,
    maxSeconds: 10,
    minSidePx: 720,
    maxSidePx: 2160,
    minFps: 24,
    maxFps: 60,
    maxBytes: 200 * 1024 * 1024,
    mimeTypes: ['video/mp4', 'video/quicktime'] as const,
  },
  minReferenceImagesPerElement: 1,
  image: {
    maxBytes: 10 * 1024 * 1024,
    minSidePx: 300,
    /** width / height must lie within [1/2.5, 2.5]. */
    maxAspect: 2.5,
    mimeTypes: ['image/jpeg', 'image/png'] as const,
  },
} as const

export const modes = ['std', 'pro'] as const
export const aspectRatios = ['16:9', '9:16', '1:1'] as const
export const soundOptions = ['on', 'off'] as const
export const shotTypes = ['customize', 'intelligence'] as const

export const modeLabels: Record<(typeof modes)[number], string> = { std: 'Standard · 720p', pro: 'Professional · 1080p' }
/** The label where space is short: a segmented control, a ledger column. */
export const shortModeLabel = (mode: (typeof modes)[number]): string => modeLabels[mode].replace('Professional', 'Pro').replace('Standard', 'Std')

/** Token the API uses to reference the Nth element (1-based) of the request's element list. */
export const elementToken = (n: number): string => `<<<element_${n}>>>`
export const elementTokenPattern = /<<<element_(\d+)>>>/g
/** How a clip's prompt names its Nth reference image and its video, in the project file (Kling's own syntax). */
export const imageToken = (n: number): string => `<<<image_${n}>>>`
export const videoToken = '<<<video_1>>>'
