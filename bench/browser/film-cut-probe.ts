/**
 * Installed in the page before Play film is clicked (a string, so nothing compiled by tsx is sent into the page).
 * Records, in page time (performance.now):
 * - every frame each film <video> presents (`requestVideoFrameCallback`: its presentation time and media time),
 *   hidden or not — the analysis keeps only those after the video came on screen;
 * - every change of what the screen shows (a video becoming the active one, an animatic card appearing or changing
 *   clip), stamped with the `requestAnimationFrame` time of the frame that paints it.
 */
export const FILM_CUT_RECORDER = `(() => {
  const events = []
  const watched = new WeakSet()
  const watch = (video, slot) => {
    if (watched.has(video)) return
    watched.add(video)
    const onFrame = (_now, meta) => {
      events.push({ kind: 'frame', slot, src: video.src, mediaTime: meta.mediaTime, at: meta.presentationTime })
      video.requestVideoFrameCallback(onFrame)
    }
    video.requestVideoFrameCallback(onFrame)
  }
  // The frame being produced: set by the first animation-frame callback of each frame (this loop starts before the
  // player's, so it runs first) and cleared by a task, which cannot run before that frame is painted. A change made
  // inside it (the player swaps videos in its frame callback) is painted in that frame; one made in a task, in the next.
  let frame = null
  const channel = new MessageChannel()
  channel.port1.onmessage = () => { frame = null }
  const everyFrame = (at) => {
    frame = at
    channel.port2.postMessage(0)
    requestAnimationFrame(everyFrame)
  }
  requestAnimationFrame(everyFrame)
  let shown = ''
  const describe = () => {
    const card = document.querySelector('[data-testid="film-animatic"] .film-animatic__number')
    if (card) return 'card:' + card.textContent
    const video = document.querySelector('.film-player__video[data-active="true"]')
    return video ? "video:" + video.src : ""
  }
  new MutationObserver(() => {
    document.querySelectorAll('.film-player__video').forEach((video, slot) => watch(video, slot))
    const now = describe()
    if (now === shown) return
    shown = now
    if (frame !== null) events.push({ kind: 'shown', what: now, at: frame })
    else requestAnimationFrame((at) => events.push({ kind: 'shown', what: now, at }))
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-active', 'src'] })
  window.__filmCut = events
})()`
