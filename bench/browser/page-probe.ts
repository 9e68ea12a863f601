/**
 * Page-side instruments, injected with addInitScript before the renderer loads; nothing in the app changes.
 * Plain JavaScript in a string: code that tsx compiles can carry helpers (`__name`) the page does not have.
 *
 * - React commits: a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__`, the same door React DevTools uses, which React
 *   also calls in production builds. On each commit it walks only the subtrees React touched and lists the
 *   components that rendered (PerformedWork flag, or mounted), each placed by its DOM: which timeline clip, or
 *   which other area of the editor.
 * - Keystrokes: keydown (capture, on window) → the `input` event → a MessageChannel tick after every microtask,
 *   so React's synchronous re-render and commit of the keystroke are inside the span; plus the next frame.
 * - DOM mutations per timeline clip, a proxy for re-rendered clips that does not rely on React internals.
 * - requestAnimationFrame timestamps, for frame rates.
 * - IPC meter: `ipc-meter-probe.ts`, installed after this one.
 */
export const pageProbeScript = String.raw`(() => {
  const PERFORMED_WORK = 1
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15])
  const HOST_TAGS = new Set([5, 26, 27])
  const probe = { recording: false, detail: true, keys: [], commits: [], frames: null, ipc: { calls: {}, bytes: {}, log: [] } }
  Object.defineProperty(window, '__omniboardBench', { value: probe })

  const hostOf = (fiber) => {
    for (let f = fiber.child; f; f = f.child) if (HOST_TAGS.has(f.tag)) return f.stateNode
    for (let f = fiber.return; f; f = f.return) if (HOST_TAGS.has(f.tag)) return f.stateNode
    return null
  }
  const nameOf = (fiber) => {
    const t = fiber.type
    if (!t) return '?'
    return t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && (t.render.displayName || t.render.name)) || '?'
  }
  // Production names are minified, so each component is also described by the first class of its DOM.
  const placeOf = (el) => {
    if (!(el instanceof Element)) return { area: 'detached', clip: null, host: null }
    const host = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '')
    const clip = el.closest('.tl-clip')
    if (clip) return { area: 'timeline-clip', clip: clip.getAttribute('aria-label'), host }
    if (el.closest('.timeline')) return { area: 'timeline', clip: null, host }
    const labelled = el.closest('section[aria-label], aside[aria-label], main[aria-label], [role="region"][aria-label], header, nav')
    return { area: labelled ? labelled.getAttribute('aria-label') || labelled.tagName.toLowerCase() : 'app', clip: null, host }
  }
  const collect = (first, out) => {
    for (let f = first; f; f = f.sibling) {
      const alt = f.alternate
      if (COMPONENT_TAGS.has(f.tag) && (alt === null || (f.flags & PERFORMED_WORK) !== 0)) out.push(f)
      if (f.child && (alt === null || f.child !== alt.child)) collect(f.child, out)
    }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) {
      const id = this.renderers.size + 1
      this.renderers.set(id, renderer)
      return id
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!probe.recording) return
      const t = performance.now()
      const current = root.current
      const rendered = []
      // Walking and placing thousands of components takes time of its own: timing passes skip it.
      if (probe.detail && current.child && (current.alternate === null || current.child !== current.alternate.child)) collect(current.child, rendered)
      probe.commits.push({ t, key: probe.keys.length - 1, components: rendered.map((f) => ({ name: nameOf(f), ...placeOf(hostOf(f)) })) })
    },
  }

  let observer = null
  const mutatedClips = (records) => {
    const clips = new Set()
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement
      const clip = node && node.closest('.tl-clip')
      if (clip) clips.add(clip.getAttribute('aria-label'))
    }
    return [...clips]
  }
  window.addEventListener('keydown', () => {
    if (!probe.recording) return
    if (observer) {
      const last = probe.keys[probe.keys.length - 1]
      if (last) last.mutatedClips = mutatedClips(observer.takeRecords()).concat(last.mutatedClips || [])
    }
    probe.keys.push({ t0: performance.now(), tInput: null, tSettled: null, tFrame: null, mutatedClips: [] })
  }, true)
  window.addEventListener('input', () => {
    const key = probe.keys[probe.keys.length - 1]
    if (!probe.recording || !key || key.tInput !== null) return
    key.tInput = performance.now()
    const channel = new MessageChannel()
    channel.port1.onmessage = () => { key.tSettled = performance.now() }
    channel.port2.postMessage(0)
    requestAnimationFrame(() => { key.tFrame = performance.now() })
  })

  probe.startKeys = (detail) => {
    probe.detail = detail !== false
    probe.keys = []
    probe.commits = []
    const timeline = document.querySelector('.timeline')
    observer = new MutationObserver((records) => {
      const key = probe.keys[probe.keys.length - 1]
      if (key) key.mutatedClips = [...new Set(key.mutatedClips.concat(mutatedClips(records)))]
    })
    if (timeline) observer.observe(timeline, { subtree: true, childList: true, attributes: true, characterData: true })
    probe.recording = true
  }
  probe.stopKeys = () => {
    probe.recording = false
    if (observer) observer.disconnect()
    observer = null
    return { keys: probe.keys, commits: probe.commits }
  }

  probe.startFrames = () => {
    const frames = { times: [], running: true, pointerMoves: 0 }
    probe.frames = frames
    const tick = (t) => {
      if (!frames.running) return
      frames.times.push(t)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }
  window.addEventListener('pointermove', () => { if (probe.frames && probe.frames.running) probe.frames.pointerMoves++ }, { capture: true, passive: true })
  probe.stopFrames = () => {
    if (!probe.frames) return { times: [], pointerMoves: 0 }
    probe.frames.running = false
    return { times: probe.frames.times, pointerMoves: probe.frames.pointerMoves }
  }

  // Resolves when the timeline shows the project's clips, laid out, and a frame has been painted after that. The
  // track mounts only the clips near the view: it shows them when its header counts them all and the mounted
  // ones, with a size, are every clip or reach past the track's right edge.
  probe.whenTimelineShows = (clipCount) => new Promise((resolve) => {
    let clickAt = null
    document.addEventListener('click', () => { if (clickAt === null) clickAt = performance.now() }, true)
    const check = () => {
      const summary = document.querySelector('.timeline__summary')
      const track = document.querySelector('.timeline__track')
      const clips = document.querySelectorAll('.tl-clip')
      if (!summary || !track || clips.length === 0 || !summary.textContent.startsWith(clipCount + ' clip')) return false
      const last = clips[clips.length - 1].getBoundingClientRect()
      if (last.width === 0) return false
      if (clips.length < clipCount && last.right < track.getBoundingClientRect().right) return false
      observer.disconnect()
      const shownAt = performance.now()
      // The first frame callback runs before that frame is painted; the second one runs once it has been.
      requestAnimationFrame((frameAt) => {
        requestAnimationFrame((paintedAt) => resolve({ clickAt, shownAt, frameAt, paintedAt }))
      })
      return true
    }
    const observer = new MutationObserver(check)
    observer.observe(document.documentElement, { childList: true, subtree: true })
  })

  // Resolves when a <video> playing a URL that contains "fragment" has presented its first frame after the next
  // click: click → the <video> in the DOM → loadedmetadata → loadeddata (a frame decoded) and → requestVideoFrameCallback
  // (that frame composited).
  probe.whenVideoShows = (fragment) => new Promise((resolve) => {
    let clickAt = null
    document.addEventListener('click', () => { if (clickAt === null) clickAt = performance.now() }, { capture: true, once: true })
    const watch = (video) => {
      const times = { insertedAt: performance.now(), metadataAt: null, loadedAt: null, frameAt: null }
      video.addEventListener('loadedmetadata', () => { times.metadataAt = performance.now() }, { once: true })
      const done = () => { if (times.loadedAt !== null && times.frameAt !== null) resolve({ ...times, clickAt }) }
      video.addEventListener('loadeddata', () => { times.loadedAt = performance.now(); done() }, { once: true })
      video.requestVideoFrameCallback(() => { times.frameAt = performance.now(); done() })
    }
    const find = () => [...document.querySelectorAll('video')].find((v) => (v.getAttribute('src') || '').includes(fragment))
    const observer = new MutationObserver(() => {
      const video = find()
      if (!video) return
      observer.disconnect()
      watch(video)
    })
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] })
  })

  // The floor under the app's player: a bare <video> with the app's attributes (sound on, as the app plays it), added straight to the body with the
  // same take's URL (a query string the media handler ignores, so Chromium's media cache starts empty), timed from
  // its insertion to its first composited frame. What is left is Chromium, the loopback fetch and the media handler.
  probe.bareVideoFirstFrame = (fragment) => new Promise((resolve) => {
    const app = [...document.querySelectorAll('video')].find((v) => (v.getAttribute('src') || '').includes(fragment))
    if (!app) return resolve(null)
    const video = document.createElement('video')
    for (const { name, value } of app.attributes) if (name !== 'src' && name !== 'class' && name !== 'style') video.setAttribute(name, value)
    const box = app.getBoundingClientRect()
    // As large as the app's player: compositing a bigger video costs more in software.
    video.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;width:' + box.width + 'px;height:' + box.height + 'px'
    const times = { insertedAt: 0, metadataAt: null, loadedAt: null, frameAt: null }
    const done = () => {
      if (times.loadedAt === null || times.frameAt === null) return
      video.remove()
      resolve({ metadataMs: times.metadataAt - times.insertedAt, loadedMs: times.loadedAt - times.insertedAt, frameMs: times.frameAt - times.insertedAt })
    }
    video.addEventListener('loadedmetadata', () => { times.metadataAt = performance.now() }, { once: true })
    video.addEventListener('loadeddata', () => { times.loadedAt = performance.now(); done() }, { once: true })
    video.requestVideoFrameCallback(() => { times.frameAt = performance.now(); done() })
    video.src = app.getAttribute('src') + '?floor=' + Date.now()
    times.insertedAt = performance.now()
    document.body.appendChild(video)
    if (!video.autoplay) video.play().catch(() => {})
  })

  // Seeks the video playing "fragment" to its middle, paused; resolves on 'seeked', when the frame there is decoded
  // (a paused video presents no further frames to requestVideoFrameCallback in headless Chromium).
  probe.seekVideoToMiddle = (fragment) => new Promise((resolve) => {
    const video = [...document.querySelectorAll('video')].find((v) => (v.getAttribute('src') || '').includes(fragment))
    if (!video) return resolve(null)
    video.pause()
    const target = video.duration / 2
    const start = performance.now()
    video.addEventListener('seeked', () => {
      resolve({ ms: performance.now() - start, target, currentTime: video.currentTime, duration: video.duration, readyState: video.readyState })
    }, { once: true })
    video.currentTime = target
  })

  // Thumbnails come from the media server by URL; resource timing says which were fetched and how big they were.
  probe.thumbnails = () => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/media/thumb/'))
    .map((entry) => ({ assetId: entry.name.split('/media/thumb/')[1], bytes: entry.encodedBodySize }))

  probe.images = () => [...document.images].map((img) => ({
    src: img.currentSrc.slice(0, 5),
    complete: img.complete,
    naturalWidth: img.naturalWidth,
    naturalHeight: img.naturalHeight,
  }))
})()`
