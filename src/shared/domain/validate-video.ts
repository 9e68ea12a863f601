import { apiRules } from './api-rules'
import type { Take } from './project'
import { takeNumberOf } from './take-numbers'
import type { VideoFacts, VideoSource } from './video-reference'
import { error, plural, type ValidationIssue } from './validation-issue'

/** What the video is for, in the words a rule's message ends with ("an edit needs 3–10 s"). */
export type VideoUse = 'an edit' | 'a next shot'

const megabyte = 1024 * 1024
const seconds = (value: number): string => `${Number(value.toFixed(1))} s`

/** "Take 2" or "The video at cdn.example.com", for the start of a sentence. */
export function videoSourceLabel(source: VideoSource, takes: readonly Take[]): string {
  if (source.kind === 'url') return `The video at ${URL.canParse(source.url) ? new URL(source.url).host : 'that link'}`
  const number = takeNumberOf(takes, source.takeId)
  return number === null ? 'The source take' : `Take ${number}`
}

/**
 * Kling's rules for a video sent by URL (3–10 s, 720–2160 px on each side, 24–60 fps, ≤ 200 MB), checked against
 * what was probed: a take's own file (`videoFacts`) or the answer of a user's link check. A take that is not
 * finished, or facts not known yet, block sending too: the video could not be checked.
 */
export function validateVideoSource(source: VideoSource, takes: readonly Take[], use: VideoUse, path: string): ValidationIssue[] {
  const label = videoSourceLabel(source, takes)
  let facts: VideoFacts | undefined
  if (source.kind === 'take') {
    const take = takes.find((candidate) => candidate.id === source.takeId)
    if (!take) return [error('video_source_missing', path, `The take ${use} starts from is no longer in the project. Choose another take.`)]
    if (take.status !== 'completed' || take.taskId === null) {
      return [error('video_source_missing', path, `${label} has not finished, so there is no video for ${use} yet.`)]
    }
    facts = take.videoFacts
    if (!facts) return [error('video_facts_unknown', path, `${label}'s video has not been measured yet (length, size, frame rate).`)]
  } else {
    facts = source.facts
    if (!facts) return [error('video_facts_unknown', path, `${label} has not been checked yet. Check the link before sending.`)]
  }
  return factIssues(facts, label, use, path)
}

function factIssues(facts: VideoFacts, label: string, use: VideoUse, path: string): ValidationIssue[] {
  const { video } = apiRules
  const issues: ValidationIssue[] = []
  if (facts.durationSeconds < video.minSeconds || facts.durationSeconds > video.maxSeconds) {
    issues.push(error('video_duration', path, `${label} is ${seconds(facts.durationSeconds)}; ${use} needs ${video.minSeconds}–${video.maxSeconds} s.`))
  }
  const sides = [facts.width, facts.height]
  if (sides.some((side) => side < video.minSidePx || side > video.maxSidePx)) {
    issues.push(error('video_size', path, `${label} is ${facts.width}×${facts.height}; ${use} needs ${video.minSidePx}–${video.maxSidePx} px on each side.`))
  }
  if (facts.fps < video.minFps || facts.fps > video.maxFps) {
    issues.push(error('video_fps', path, `${label} runs at ${Number(facts.fps.toFixed(2))} fps; ${use} needs ${video.minFps}–${video.maxFps} fps.`))
  }
  if (facts.bytes > video.maxBytes) {
    const size = (bytes: number) => `${Math.round(bytes / megabyte)} MB`
    issues.push(error('video_bytes', path, `${label} is ${size(facts.bytes)}; ${use} takes a video of at most ${size(video.maxBytes)}.`))
  }
  return issues
}

/** With a video, reference images and elements together are capped at 4. */
export function videoImageLimit(images: number, elements: number, path: string): ValidationIssue[] {
  const total = images + elements
  const max = apiRules.maxImagesAndElementsWithVideo
  if (total <= max) return []
  return [
    error(
      'video_images_and_elements_limit',
      path,
      `With a video, Kling takes at most ${max} reference images and elements together; this uses ${plural(images, 'image')} and ` +
        `${plural(elements, 'element')}. Remove ${total - max}.`,
    ),
  ]
}
