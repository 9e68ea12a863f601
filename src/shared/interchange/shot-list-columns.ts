/** The shot list's columns, in order; the importer finds them by these header names. */
export const shotListColumns = [
  'Clip',
  'Title',
  'Shot',
  'Shot duration (s)',
  'Clip duration (s)',
  'Prompt',
  'Negative prompt',
  'Mode',
  'Aspect ratio',
  'Sound',
  'Shot type',
  'First frame',
  'Last frame',
  'Elements',
  'Dialogue',
  'Chosen take',
  'Take file',
  'Estimated cost (USD)',
] as const
export type ShotListColumn = (typeof shotListColumns)[number]

/** How a clip is prompted: one prompt, shots with their own prompts and durations, or shots Kling chooses. */
export const shotTypeCells = ['single', 'customize', 'intelligence'] as const

/** Element names in one cell; a name containing this separator cannot be told apart from two names. */
export const ELEMENT_SEPARATOR = '; '
