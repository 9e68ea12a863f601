/**
 * Follows which frame a video last handed to the compositor (requestVideoFrameCallback's `mediaTime`). A video
 * paused while playing may show a frame other than the one its `currentTime` falls in, because Chromium presents
 * frames a little ahead of the clock; lining other videos up on `currentTime` can then leave them a frame apart.
 */
export function watchShownFrame(video: HTMLVideoElement): { time: () => number | null; stop: () => void } {
  let time: number | null = null
  let request = 0
  const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
    time = metadata.mediaTime
    request = video.requestVideoFrameCallback(onFrame)
  }
  request = video.requestVideoFrameCallback(onFrame)
  return { time: () => time, stop: () => video.cancelVideoFrameCallback(request) }
}
