import { z } from 'zod'
import { ProjectDefaultsSchema, defaultProjectDefaults } from './domain/project'
import { fail } from './errors'
import { BudgetCapsSchema, noBudgetCaps } from './domain/spend'

export const baseUrlPresets = {
  mulerouter: 'https://api.mulerouter.ai',
  mulerun: 'https://api.mulerun.com',
} as const

export const PricesSchema = z.object({
  /** US dollars per second of video. Published third-party rates; always shown as an estimate. */
  stdPerSecond: z.number().nonnegative(),
  stdWithSoundPerSecond: z.number().nonnegative(),
  proPerSecond: z.number().nonnegative(),
  proWithSoundPerSecond: z.number().nonnegative(),
})
export type Prices = z.infer<typeof PricesSchema>

/** The most generations run at once: MuleRouter's rate limits answer 429 long before, and the queue backs off. */
export const MAX_CONCURRENT_JOBS = 20

export const SettingsSchema = z.object({
  baseUrlPreset: z.enum(['mulerouter', 'mulerun', 'custom']),
  customBaseUrl: z.string().max(2048),
  /** ours: raw base64 by default (Kling's rule); data URIs for services that want them. */
  imageEncoding: z.enum(['raw', 'dataUri']),
  /** Jobs at MuleRouter at once; the queue runs fewer for a while after a 429. */
  maxConcurrentJobs: z.number().int().min(1).max(MAX_CONCURRENT_JOBS),
  /** App-wide spending caps over every project, counted from the spend ledger. */
  budgets: BudgetCapsSchema,
  requestTimeoutMs: z.number().int().min(1000).max(600_000),
  /**
   * A submission is given up when no byte moved for this long; a slow upload that keeps moving goes on. At least
   * 20 s: the last few MB drain from the socket buffers with no sign of progress (seconds at hotel speeds).
   */
  idleTimeoutMs: z.number().int().min(20_000).max(600_000),
  prices: PricesSchema,
  defaults: ProjectDefaultsSchema,
  projectsDir: z.string().max(4096),
  panelSizes: z.object({ left: z.number(), right: z.number(), timeline: z.number() }),
  /** Set once the user has closed the note that explains the sample project. */
  sampleHintDismissed: z.boolean().optional(),
})
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const keyStorageKinds = ['none', 'encrypted', 'session', 'insecure'] as const
/** What the renderer may know: never the key itself, only whether one is set and how it is kept. */
export const SettingsViewSchema = SettingsSchema.extend({
  hasApiKey: z.boolean(),
  keyStorage: z.enum(keyStorageKinds),
  /** False where the OS offers no keyring (Linux basic_text): storing on disk then needs explicit consent. */
  secureStorageAvailable: z.boolean(),
})
export type SettingsView = z.infer<typeof SettingsViewSchema>

export const defaultSettings = (projectsDir: string): Settings => ({
  baseUrlPreset: 'mulerouter',
  customBaseUrl: '',
  imageEncoding: 'raw',
  maxConcurrentJobs: 3,
  budgets: noBudgetCaps,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
  prices: { stdPerSecond: 0.084, stdWithSoundPerSecond: 0.112, proPerSecond: 0.112, proWithSoundPerSecond: 0.14 },
  defaults: defaultProjectDefaults,
  projectsDir,
  panelSizes: { left: 240, right: 300, timeline: 220 },
})

export function resolveBaseUrl(settings: Pick<Settings, 'baseUrlPreset' | 'customBaseUrl'>): string {
  const url = settings.baseUrlPreset === 'custom' ? settings.customBaseUrl : baseUrlPresets[settings.baseUrlPreset]
  return url.replace(/\/+$/, '')
}

/** This computer only: 127.0.0.0/8, ::1 and localhost. Hostnames as the URL parser normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Why a base URL may not receive the API key, or null when it may: https anywhere, plain http only to this
 * computer (the fake server, a local proxy), since over plain http anyone on the way could read the key.
 */
export function baseUrlProblem(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return 'That is not a web address; it should start with https://.'
  }
  if (url.username !== '' || url.password !== '') return 'A base URL cannot contain a user name or password.'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? null : 'Plain http:// is only allowed on this computer (localhost, 127.0.0.1, [::1]); use https:// for any other server.'
  }
  return 'Only https:// addresses (or http:// on this computer) can be used.'
}

/** The scheme, host and port the API key is bound to. */
export const originOf = (url: string): string => new URL(url).origin

/** A base URL typed by the user, without trailing slashes, once it passed `baseUrlProblem`. */
export function requireSendableBaseUrl(raw: string): string {
  const url = raw.trim().replace(/\/+$/, '')
  const problem = baseUrlProblem(url)
  if (problem !== null) fail('base_url_refused', problem, 'Fix the base URL in Settings; nothing was sent.')
  return url
}
