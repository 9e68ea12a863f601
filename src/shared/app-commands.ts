import { z } from 'zod'

/** What the native menu asks the window to do; each runs the same action as the in-window button or key. */
export const menuCommands = [
  'project:new',
  'project:open',
  'project:reveal',
  'project:close',
  'film:export',
  'handoff:export',
  'history:undo',
  'history:redo',
  'generate:selection',
  'generate:all',
  'generate:changed',
  'queue:togglePaused',
  'queue:togglePanel',
  'settings:open',
  'help:shortcuts',
] as const
export const MenuCommandSchema = z.enum(menuCommands)
export type MenuCommand = z.infer<typeof MenuCommandSchema>

const MAX_PATH = 4096

/** Main → window commands: a menu item, a project folder from the OS, a chosen shot list, a clip to show again. */
export const AppCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: MenuCommandSchema }),
  /** Opens with the window's own open action, so the unsaved-changes question and errors show as usual. */
  z.object({ command: z.literal('project:openPath'), path: z.string().min(1).max(MAX_PATH) }),
  /** File → Import shot list… picks the file natively: a page cannot open a file picker from a menu click. */
  z.object({ command: z.literal('shotList:import'), name: z.string().max(1024), text: z.string() }),
  /** After a reload (a crash, a notification click): which clip to show. */
  z.object({ command: z.literal('clip:select'), clipId: z.string().min(1).max(200) }),
])
export type AppCommand = z.infer<typeof AppCommandSchema>

/** What the window tells main after each change, so the menu enables the right items and a reload returns here. */
export const WindowStateSchema = z
  .object({
    projectOpen: z.boolean(),
    hasClips: z.boolean(),
    canUndo: z.boolean(),
    canRedo: z.boolean(),
    queuePaused: z.boolean(),
    selectedClipId: z.string().min(1).max(200).nullable(),
  })
  .strict()
export type WindowState = z.infer<typeof WindowStateSchema>

export const closedWindowState: WindowState = { projectOpen: false, hasClips: false, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: null }
