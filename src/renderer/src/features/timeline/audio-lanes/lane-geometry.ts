import { spansFromDurations, type ClipSpan } from '../../../../../shared/audio/mix-plan'
import type { Clip } from '../../../../../shared/domain/project'

/** The lanes' label column, and the clip track's gutter beside it, so both time axes start at the same x. */
export const LANE_LABEL_PX = 112
/** How close (in pixels) a dragged item's start must come to a clip edge or shot boundary to snap to it. */
export const SNAP_PX = 8

/** Clip spans as the timeline lays clips out before their takes are probed: end to end by duration. */
export const clipSpansOf = (clips: readonly Clip[]): ClipSpan[] => spansFromDurations(clips)
