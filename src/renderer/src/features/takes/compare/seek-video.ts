/**
 * Moves a video to `seconds` and resolves once the picture there is shown (`seeked`), or at once if it has no media
 * yet (the time then only becomes its starting point). A failed or replaced source ends the wait too.
 */
export function seekVideo(video: HTMLVideoElement, seconds: number): Promise<void> {
  if (video.readyState === HTMLMediaElement.HAVE_NOTHING) {
    video.currentTime = seconds
    return Promise.resolve()
  }
  const done = seekEnded(video)
  video.currentTime = seconds
  return done
}

/** Resolves when the seek under way (if any) has ended. */
export function seekSettled(video: HTMLVideoElement): Promise<void> {
  return video.seeking ? seekEnded(video) : Promise.resolve()
}

function seekEnded(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const events = ['seeked', 'error', 'emptied'] as const
    const end = () => {
      for (const event of events) video.removeEventListener(event, end)
      resolve()
    }
    for (const event of events) video.addEventListener(event, end)
  })
}
