import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { EditOpSchema } from '../domain/edits-schema'
import { AssetIdSchema, AssetSchema, CropRectSchema, IdSchema, TakeSchema } from '../domain/project'
import { JobProgressSchema } from '../domain/job-progress'
import { ProjectSnapshotSchema } from '../domain/project-snapshot'
import { RecentProjectSchema } from '../domain/recent-project'
import { ClipSchema } from '../domain/project'
import { HandoffFormatSchema, OtioMediaPathsSchema } from '../interchange/handoff-format'
import { MAX_SCRIPT_BYTES, ScreenplaySchema } from '../script/screenplay'
import { SettingsPatchSchema, SettingsViewSchema } from '../settings'
import { CutPlanSchema } from '../cut/cut-plan-schema'
import { FilmCaptionsSchema } from '../captions/film-captions-options'
import { LibraryCharacterSchema } from '../domain/library'
import { AudioFileSchema } from '../domain/audio-schema'
import { AudioPeaksSchema } from '../audio/audio-peaks'
import { CapUsdSchema, LedgerSummarySchema, QueuePlanSchema, QueueStateSchema } from '../domain/spend'
import { AppCommandSchema, WindowStateSchema } from '../app-commands'
import { channel, Empty } from './channel'
import { videoChannels } from './contract-video'

/**
 * The one IPC contract. Each channel is declared once; the main-process router, the preload bridge and the
 * renderer client are all derived from this object. Adding a channel = one entry here, its handler in main/ipc (the
 * router's `Handlers` type does not compile without it), a valid request in test/faults/support/ipc-samples.ts when
 * it takes a payload (the fuzz test fails until it has one), and the renderer's `invoke` where it is used.
 */

export type { RecentProject } from '../domain/recent-project'

/** `asset`: refused only for its shape, it is kept (flagged `usable: false`) so it can be cropped. */
export const RejectedImportSchema = z.object({ name: z.string(), error: AppErrorSchema, asset: AssetSchema.optional() })
export const ImportResultSchema = z.object({ assets: z.array(AssetSchema), rejected: z.array(RejectedImportSchema) })
export type ImportResult = z.infer<typeof ImportResultSchema>

export const AudioImportResultSchema = z.object({ files: z.array(AudioFileSchema), rejected: z.array(z.object({ name: z.string(), error: AppErrorSchema })) })
export type AudioImportResult = z.infer<typeof AudioImportResultSchema>
/** A dropped sound file travels as bytes; a longer one is chosen with Import… and read by main from its path. */
export const MAX_DROPPED_AUDIO_BYTES = 256 * 1024 * 1024

const FramePositionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }).strict(),
  z.object({ kind: z.literal('last') }).strict(),
  z.object({ kind: z.literal('time'), seconds: z.number().nonnegative().max(3600) }).strict(),
])

const MAX_PATH = 4096
const PathSchema = z.string().min(1).max(MAX_PATH)
/** A pasted image can be at most a little over the API's 10 MB so we can still say "too large" precisely. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024
/** A shot list of thousands of clips is a few megabytes; more is not a shot list. */
const MAX_SHOT_LIST_CHARS = 16 * 1024 * 1024

export const BytesSchema = z.instanceof(Uint8Array)

export const contract = {
  'app:info': channel(Empty, z.object({ name: z.string(), version: z.string(), platform: z.string(), mediaBase: z.string(), demo: z.boolean().optional() })),
  /** On the very first start, opens the sample project so a new user sees a full storyboard; null afterwards. */
  'app:firstStart': channel(Empty, ProjectSnapshotSchema.nullable()),
  'app:openExternal': channel(z.object({ url: z.string().max(2048) }).strict(), z.object({ opened: z.boolean() })),
  /** The window's state after a change: main enables menu items by it and returns to its clip after a reload. */
  'app:windowState': channel(WindowStateSchema, z.object({})),

  'project:create': channel(
    z.object({ name: z.string().trim().min(1).max(120), parentDir: PathSchema.optional() }).strict(),
    ProjectSnapshotSchema,
  ),
  'project:open': channel(z.object({ path: PathSchema }).strict(), ProjectSnapshotSchema),
  'project:openSample': channel(Empty, ProjectSnapshotSchema),
  'project:chooseToOpen': channel(Empty, z.object({ path: z.string().nullable() })),
  'project:chooseImages': channel(Empty, z.object({ paths: z.array(z.string()) })),
  'project:close': channel(Empty, z.object({ closed: z.boolean() })),
  'project:read': channel(Empty, ProjectSnapshotSchema.nullable()),
  'project:edit': channel(
    z.object({ ops: z.array(EditOpSchema).min(1).max(500) }).strict(),
    z.object({ revision: z.number().int().nonnegative() }),
  ),
  'project:saveNow': channel(Empty, z.object({ savedAt: z.string() })),
  /** Answers "changed on disk": take the file's version (takes known only here are kept) … */
  'project:reloadFromDisk': channel(Empty, ProjectSnapshotSchema),
  /** … or write ours and keep theirs beside it as `keptCopy` (null when nothing foreign was there). */
  'project:keepMine': channel(Empty, z.object({ savedAt: z.string(), keptCopy: z.string().nullable() })),
  'project:recent': channel(Empty, z.array(RecentProjectSchema)),
  'project:forgetRecent': channel(z.object({ path: PathSchema }).strict(), z.array(RecentProjectSchema)),
  /** Shows the open project's folder in the system file manager. */
  'project:reveal': channel(Empty, z.object({ revealed: z.boolean() })),

  'assets:importFiles': channel(z.object({ paths: z.array(PathSchema).min(1).max(200) }).strict(), ImportResultSchema),
  'assets:importBytes': channel(
    z.object({ name: z.string().max(1024), bytes: BytesSchema.refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'too large') }).strict(),
    ImportResultSchema,
  ),
  'assets:crop': channel(z.object({ assetId: AssetIdSchema, crop: CropRectSchema }).strict(), z.object({ asset: AssetSchema })),
  /** `allowPrivate`: the user confirmed a link that leads to this computer or a private network (`image_url_private`). */
  'assets:importUrl': channel(z.object({ url: z.string().min(1).max(8192), allowPrivate: z.boolean().optional() }).strict(), ImportResultSchema),
  'project:chooseAudio': channel(Empty, z.object({ paths: z.array(z.string()) })),
  /** Sound files for the lanes, stored in `audio/` by content hash; each refused one says why. */
  'audio:importFiles': channel(z.object({ paths: z.array(PathSchema).min(1).max(50) }).strict(), AudioImportResultSchema),
  'audio:importBytes': channel(
    z.object({ name: z.string().max(1024), bytes: BytesSchema.refine((b) => b.byteLength <= MAX_DROPPED_AUDIO_BYTES, 'too large') }).strict(),
    AudioImportResultSchema,
  ),
  /** A sound file's waveform, computed once in main and cached beside the file. */
  'audio:peaks': channel(z.object({ audioId: AssetIdSchema }).strict(), AudioPeaksSchema),
  /** `actionId` is made once per click or key press: main answers a repeat of it with the take it already made. */
  'generation:start': channel(z.object({ clipId: IdSchema, actionId: IdSchema }).strict(), TakeSchema),
  /** What queueing these clips would cost and leave of each budget; nothing is queued. */
  'queue:plan': channel(
    z.object({ clipIds: z.array(IdSchema).min(1).max(5000), takesPerClip: z.number().int().min(1).max(5) }).strict(),
    QueuePlanSchema,
  ),
  /**
   * Queues `takesPerClip` takes of each clip, in the order given, as one action: all or nothing. Refused
   * (`clip_invalid`, `budget_exceeded`) before anything is journaled; a repeat of `actionId` returns the same takes.
   */
  'queue:add': channel(
    z.object({ clipIds: z.array(IdSchema).min(1).max(5000), takesPerClip: z.number().int().min(1).max(5), actionId: IdSchema }).strict(),
    z.object({ takes: z.array(TakeSchema) }),
  ),
  /** The queued (never sent) takes in their new order; takes not named keep their place after these. */
  'queue:reorder': channel(z.object({ takeIds: z.array(IdSchema).min(1).max(50000) }).strict(), QueueStateSchema),
  /** Pausing sends nothing new (what is out carries on); stored in the project, so it holds across restarts. */
  'queue:setPaused': channel(z.object({ paused: z.boolean() }).strict(), QueueStateSchema),
  'queue:state': channel(Empty, QueueStateSchema),
  /** The open project's cap; null removes it. */
  'budget:setProjectCap': channel(z.object({ capUsd: CapUsdSchema }).strict(), z.object({ capUsd: z.number().nullable() })),
  /** The spend ledger across projects (user data folder), newest first, with totals per project, day and month. */
  'ledger:read': channel(Empty, LedgerSummarySchema),
  /** Writes the ledger as CSV where the user chooses (save dialog); null path = cancelled. */
  'ledger:exportCsv': channel(Empty, z.object({ path: z.string().nullable() })),
  'generation:resolveUnknown': channel(
    z.object({ takeId: IdSchema, action: z.enum(['resubmit', 'dismiss']) }).strict(),
    TakeSchema,
  ),
  'generation:cancel': channel(z.object({ takeId: IdSchema }).strict(), TakeSchema),
  /** Moves a finished take's video to the system trash and forgets the take. */
  'takes:trash': channel(z.object({ takeId: IdSchema }).strict(), z.object({ takeId: IdSchema })),
  /** Decodes a frame of a finished take at full size and imports it as an asset that remembers its source. */
  'frames:grab': channel(
    z.object({ takeId: IdSchema, index: z.number().int().min(0).max(19), at: FramePositionSchema }).strict(),
    AssetSchema,
  ),

  /** The app-wide character library (in the user data folder); inserting copies its images into the open project. */
  'library:list': channel(Empty, z.array(LibraryCharacterSchema)),
  'library:save': channel(z.object({ elementId: IdSchema }).strict(), z.array(LibraryCharacterSchema)),
  'library:remove': channel(z.object({ characterId: IdSchema }).strict(), z.array(LibraryCharacterSchema)),
  'library:insert': channel(
    z.object({ characterId: IdSchema }).strict(),
    z.object({ name: z.string(), frontalAssetId: AssetIdSchema.nullable(), referenceAssetIds: z.array(AssetIdSchema), assets: z.array(AssetSchema) }),
  ),
  /** Asks MuleRouter about a take it stopped following (or whose download failed) and fetches its video. */
  'generation:checkAgain': channel(z.object({ takeId: IdSchema }).strict(), TakeSchema),

  'settings:get': channel(Empty, SettingsViewSchema),
  'settings:update': channel(z.object({ patch: SettingsPatchSchema }).strict(), SettingsViewSchema),
  'settings:setApiKey': channel(
    /** `baseUrl`: the one typed in the dialog, which the key is bound to (else the saved one). */
    z.object({ key: z.string().trim().min(8).max(512), allowInsecureStorage: z.boolean().optional(), baseUrl: z.string().max(2048).optional() }).strict(),
    SettingsViewSchema,
  ),
  'settings:clearApiKey': channel(Empty, SettingsViewSchema),
  /** Tests the key against `baseUrl` as typed in the dialog (else the saved one); the same origin rule applies. */
  'settings:testApiKey': channel(z.object({ baseUrl: z.string().max(2048).optional() }).strict(), z.object({ valid: z.literal(true) })),

  /** Writes a hand-off file of the open project into `<project>/exports/`; warnings name clips left empty. */
  'export:handoff': channel(z.object({ format: HandoffFormatSchema, otioMediaPaths: OtioMediaPathsSchema.optional() }).strict(), z.object({ path: z.string(), warnings: z.array(z.string()), captionsPath: z.string().optional() })),
  /** Reveals an exported file in the OS file manager; only files in the open project's exports folder. */
  'export:showInFolder': channel(z.object({ path: PathSchema }).strict(), z.object({ shown: z.boolean() })),
  /** Reads a shot list CSV as new clips for the renderer to append as one undoable edit; nothing is applied here. */
  'import:shotList': channel(
    z.object({ text: z.string().max(MAX_SHOT_LIST_CHARS) }).strict(),
    z.object({ clips: z.array(ClipSchema), problems: z.array(z.object({ row: z.number().int(), message: z.string() })) }),
  ),

  /**
   * Reads a dropped or chosen screenplay (Fountain or Final Draft) into scenes; nothing is applied. The page sends
   * at most one byte past the bound and the file's real `size`, so a huge file is refused by its size, typed,
   * without the page reading it whole.
   */
  'script:read': channel(
    z.object({
      name: z.string().max(1024),
      size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      bytes: BytesSchema.refine((b) => b.byteLength <= MAX_SCRIPT_BYTES + 1, 'too large'),
    }).strict(),
    ScreenplaySchema,
  ),

  /** The cut of the open project for the player: chosen takes (probed in main) and animatic holds. */
  'film:plan': channel(Empty, CutPlanSchema),
  'film:export': channel(
    z.object({ includeAnimatic: z.boolean(), captions: FilmCaptionsSchema.nullable().optional() }).strict(),
    z.object({ path: z.string(), method: z.enum(['copy', 'encode']), durationSeconds: z.number().nonnegative() }),
  ),
  'film:cancelExport': channel(Empty, z.object({ cancelled: z.boolean() })),
  ...videoChannels,
} as const

export type { JobProgress } from '../domain/job-progress'

/** Main → renderer notifications, declared the same way. */
export const events = {
  'take:updated': z.object({ take: TakeSchema }),
  'job:progress': JobProgressSchema,
  'project:saveState': z.object({
    state: z.enum(['saved', 'saving', 'error']),
    savedAt: z.string().nullable(),
    error: AppErrorSchema.nullable(),
  }),
  'network:status': z.object({ online: z.boolean() }),
  'queue:state': QueueStateSchema,
  'app:command': AppCommandSchema,
  'film:exportProgress': z.object({ phase: z.enum(['preparing', 'copying', 'encoding', 'mixing', 'captioning']), fraction: z.number().min(0).max(1) }),
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type ChannelRequest<C extends ChannelName> = z.input<Contract[C]['request']>
export type ChannelResponse<C extends ChannelName> = z.infer<Contract[C]['response']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>

export const channelNames = Object.keys(contract) as ChannelName[]
export const eventNames = Object.keys(events) as EventName[]
