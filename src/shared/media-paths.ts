/**
 * Where the renderer finds media: a privileged `omniboard-media:` scheme in Electron, a loopback path in the
 * browser harness. Main says which base applies (`app:info`); both sides build and read paths here, by id only,
 * so no file path ever travels to or from the page.
 */
export const MEDIA_SCHEME = 'omniboard-media'
export const electronMediaBase = `${MEDIA_SCHEME}://media/`

export const mediaPaths = {
  /** The small WebP preview made at import; content-addressed, so its URL never changes meaning. */
  thumbnail: (assetId: string) => `thumb/${assetId}`,
  /** The image as imported, full size. */
  asset: (assetId: string) => `asset/${assetId}`,
  /** A downloaded take video; served with byte ranges so the player can seek without reading it all. */
  takeVideo: (takeId: string, index: number) => `take/${takeId}/${index}`,
  /** A sound file of the lanes, by its content hash; decoded once by the film player. */
  audio: (audioId: string) => `audio/${audioId}`,
  /** The thumbnail of a project in the recent list (the welcome screen), by its asset id. */
  recentThumbnail: (assetId: string) => `recent/${assetId}`,
  /** The thumbnail of an image in the app-wide character library, by its asset id. */
  libraryThumbnail: (assetId: string) => `library/${assetId}`,
}
