import { createHash } from 'node:crypto'
import type { Clip, Project } from '../../../shared/domain/project'
import { promptWithElementNames } from '../../../shared/domain/element-tokens'
import { takeNumberOf } from '../../../shared/domain/take-numbers'
import { isAppErrorException } from '../../../shared/errors'
import { eventName } from '../../../shared/interchange/edit-timeline'
import { dialogueText } from '../../../shared/script/beats'
import { readContained } from '../disk/contained-file'
import { MAX_THUMBNAIL_BYTES } from '../images/thumbnail'
import { thumbnailFilePath } from '../project/project-paths'
import { storyboardCss, TEXT_LINES } from './storyboard-css'

/** Three clips fit an A4 landscape page with frames large enough to judge a composition. */
export const CLIPS_PER_PAGE = 3

/**
 * The printable storyboard as one self-contained HTML page: frames inlined as data URIs of their thumbnails, the
 * style pinned by its hash, no script at all (the CSP forbids any), so printing it reaches nothing outside.
 */
export async function storyboardHtml(dir: string, project: Project): Promise<string> {
  const frames = new Map<string, string>()
  for (const clip of project.clips) {
    for (const id of [clip.firstFrameAssetId, clip.lastFrameAssetId]) if (id !== null && !frames.has(id)) frames.set(id, await thumbnailDataUri(dir, project, id))
  }
  const pages: string[] = []
  for (let start = 0; start < Math.max(1, project.clips.length); start += CLIPS_PER_PAGE) {
    const clips = project.clips.slice(start, start + CLIPS_PER_PAGE).map((clip, offset) => clipBlock(project, clip, start + offset + 1, frames))
    const pageNumber = pages.length + 1
    const pageCount = Math.max(1, Math.ceil(project.clips.length / CLIPS_PER_PAGE))
    pages.push(`<section class="page"><header><h1>${text(project.name)}</h1><span>Page ${pageNumber} of ${pageCount}</span></header>${clips.join('') || '<p class="empty">This storyboard has no clips yet.</p>'}</section>`)
  }
  const hash = createHash('sha256').update(storyboardCss).digest('base64')
  const csp = `default-src 'none'; img-src data:; style-src 'sha256-${hash}'`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>${text(project.name)} — storyboard</title><style>${storyboardCss}</style></head><body>${pages.join('')}</body></html>`
}

function clipBlock(project: Project, clip: Clip, number: number, frames: ReadonlyMap<string, string>): string {
  const takeNumber = clip.chosenTakeId === null ? null : takeNumberOf(project.takes, clip.chosenTakeId)
  // A reader of the PDF knows the characters by name, not by the API's element tokens.
  const readable = (prompt: string) => promptWithElementNames(prompt, (n) => project.elements.find((element) => element.id === clip.elementIds[n - 1])?.name)
  const shots = clip.multiShot && clip.shotType === 'customize' && clip.shots.length > 0
    ? clip.shots.map((shot, index) => ({ label: `Shot ${index + 1}`, duration: shot.duration, prompt: readable(shot.prompt) }))
    : [{ label: clip.multiShot ? 'Shots chosen by Kling' : 'Prompt', duration: clip.duration, prompt: readable(clip.prompt) }]
  const avoid = clip.negativePrompt.trim() === '' ? '' : `<p class="avoid clamp-1"><b>Avoid</b> ${text(readable(clip.negativePrompt))}</p>`
  return `<article class="clip">
<div class="frames">${frame(frames, clip.firstFrameAssetId, 'First frame')}${frame(frames, clip.lastFrameAssetId, 'Last frame')}</div>
<div class="text"><h2>${text(eventName({ clipNumber: number, title: clip.title }))}</h2>
<p class="meta">${clip.duration} s · ${text(clip.aspectRatio)} · ${clip.mode === 'pro' ? 'Pro' : 'Standard'} · sound ${clip.sound} · ${takeNumber === null ? 'no take chosen' : `take ${takeNumber}`}</p>
<ol class="shots">${shots.map((shot) => `<li class="clamp-${linesPerShot(shots.length, (clip.script?.dialogue.length ?? 0) > 0, avoid !== '')}"><b>${text(shot.label)} · ${shot.duration} s</b> ${text(shot.prompt) || '<i>no prompt</i>'}</li>`).join('')}</ol>${avoid}${dialogue(clip)}</div>
</article>`
}

/** The clip's lines from its script, under its prompts, as the captions it carries. */
function dialogue(clip: Clip): string {
  const lines = clip.script?.dialogue ?? []
  return lines.length === 0 ? '' : `<p class="dialogue clamp-2"><b>Dialogue</b> ${text(dialogueText(lines)).replace(/\n/g, ' / ')}</p>`
}

/**
 * A clip's text area holds about eight lines (two kept for dialogue, one for the negative prompt); long prompts end in
 * an ellipsis rather than under the next clip.
 */
function linesPerShot(shots: number, withDialogue: boolean, withAvoid: boolean): number {
  return Math.max(1, Math.floor((TEXT_LINES - (withDialogue ? 2 : 0) - (withAvoid ? 1 : 0)) / shots))
}

function frame(frames: ReadonlyMap<string, string>, assetId: string | null, label: string): string {
  const uri = assetId === null ? '' : (frames.get(assetId) ?? '')
  const image = uri ? `<img src="${uri}" alt="">` : '<span class="none">none</span>'
  return `<figure>${image}<figcaption>${label}</figcaption></figure>`
}

async function thumbnailDataUri(dir: string, project: Project, assetId: string): Promise<string> {
  try {
    const bytes = await readContained(dir, thumbnailFilePath(dir, project, assetId), MAX_THUMBNAIL_BYTES)
    return `data:image/webp;base64,${bytes.toString('base64')}`
  } catch (cause) {
    // A missing preview prints as an empty frame rather than failing the whole storyboard; a link or a special file
    // in its place refuses it, so nothing from outside the project is printed.
    if (isAppErrorException(cause) ? cause.error.code === 'not_found' : (cause as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw cause
  }
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
