import { beatText, type Beat } from '../../../../../shared/script/beats'

/** What a proposed clip holds, in the script's words on one line: the action, or who says what. */
export const beatSummary = (beat: Beat): string => beatText(beat).replace(/\n/g, ' ')
