import { captionLimits, type CaptionLine } from './caption-line'
import type { EditOp } from './edits-schema'
import type { Clip } from './project'

type CaptionEdit = Extract<EditOp, { type: 'addCaption' | 'updateCaption' | 'removeCaption' | 'setCaptions' }>

/** Applies a caption edit to a clip draft; a clip whose last line goes keeps no empty list in the file. */
export function editCaptions(clip: Clip, op: CaptionEdit): void {
  const lines = clip.captions ?? []
  switch (op.type) {
    case 'addCaption': {
      if (lines.length >= captionLimits.linesPerClip || lines.some((line) => line.id === op.caption.id)) return
      const at = Math.min(Math.max(0, Math.trunc(op.index ?? lines.length)), lines.length)
      clip.captions = [...lines.slice(0, at), op.caption, ...lines.slice(at)]
      return
    }
    case 'updateCaption': {
      const line = lines.find((candidate) => candidate.id === op.captionId)
      if (!line) return
      for (const [key, value] of Object.entries(op.patch)) if (value !== undefined) Object.assign(line, { [key]: value })
      // An emptied speaker field means no speaker, not a speaker called "".
      if (line.speaker === '') delete line.speaker
      return
    }
    case 'removeCaption':
      setLines(clip, lines.filter((line) => line.id !== op.captionId))
      return
    case 'setCaptions':
      setLines(clip, op.captions.slice(0, captionLimits.linesPerClip))
  }
}

function setLines(clip: Clip, lines: CaptionLine[]): void {
  if (lines.length === 0) delete clip.captions
  else clip.captions = lines
}
