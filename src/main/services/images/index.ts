/** The image service: fits images to Kling's limits and stores them, content-addressed, in a project. */
export { prepareImage, type PreparedImage } from './prepare-image'
export { importImages, type ImageSource, type ImportOutcome } from './import-images'
export { sniffImageFormat } from './image-format'
export { THUMBNAIL_MAX_SIDE_PX } from './thumbnail'
