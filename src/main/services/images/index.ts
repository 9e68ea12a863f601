/** The image service: checks images against Kling's limits and stores them, content-addressed, in a project. */
export { checkImage, THUMBNAIL_MAX_SIDE_PX, type CheckedImage } from './image-checks'
export { importImages, type ImageSource, type ImportOutcome } from './import-images'
export { sniffImageFormat } from './image-format'
