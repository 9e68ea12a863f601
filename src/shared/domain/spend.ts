import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { IdSchema, ModeSchema, SoundSchema } from './project'

/**
 * Money as Omniboard knows it: estimates from the user's editable rates, never a bill. The ledger keeps one row
 * per take that was queued or sent, across projects, so budgets can count what today and this month cost.
 */

/** The caps a plan is checked against; `project` is the open project's own cap, `day`/`month` are app-wide. */
export const BudgetScopeSchema = z.enum(['project', 'day', 'month'])
export type BudgetScope = z.infer<typeof BudgetScopeSchema>

/** App-wide caps in USD (Settings); null = no cap. */
/** The largest cap a budget takes, in USD: a guard against a slipped key, not a business rule. */
export const MAX_CAP_USD = 1_000_000
export const CapUsdSchema = z.number().positive().max(MAX_CAP_USD).nullable()
export const BudgetCapsSchema = z.object({ dailyUsd: CapUsdSchema, monthlyUsd: CapUsdSchema })
export type BudgetCaps = z.infer<typeof BudgetCapsSchema>
export const noBudgetCaps: BudgetCaps = { dailyUsd: null, monthlyUsd: null }

/** Where one cap stands: what is counted against it already (sent, maybe sent and still queued) and what is left. */
export const BudgetStandingSchema = z.object({
  scope: BudgetScopeSchema,
  capUsd: z.number().positive(),
  /** Estimates of takes sent (or that may have been) in this scope, plus takes queued and not yet sent. */
  committedUsd: z.number().nonnegative(),
  /** capUsd − committedUsd − the plan's total; negative when the plan passes the cap. */
  leftAfterUsd: z.number(),
})
export type BudgetStanding = z.infer<typeof BudgetStandingSchema>

/** What a Generate would queue, for the confirm dialog: "8 clips · ≈ $9.40 · leaves $10.60 of today's $20 budget". */
export const QueuePlanSchema = z.object({
  items: z.array(
    z.object({
      clipId: IdSchema,
      /** 1-based place on the timeline. */
      position: z.number().int().positive(),
      title: z.string(),
      takes: z.number().int().positive(),
      estimateUsd: z.number().nonnegative(),
      /** Validation errors that keep this clip from being queued; a plan with any is refused as a whole. */
      problems: z.array(z.string()),
    }),
  ),
  clipCount: z.number().int().nonnegative(),
  takeCount: z.number().int().nonnegative(),
  totalUsd: z.number().nonnegative(),
  /** Every cap that is set, after this plan. */
  budgets: z.array(BudgetStandingSchema),
})
export type QueuePlan = z.infer<typeof QueuePlanSchema>

/** The open project's queue as the title bar and the Queue panel show it. Counts are of takes. */
export const QueueStateSchema = z.object({
  paused: z.boolean(),
  /** Waiting for a slot (not sent yet), including the held and the waiting-for-connection ones. */
  queued: z.number().int().nonnegative(),
  /** Uploading, rendering at MuleRouter or downloading. */
  running: z.number().int().nonnegative(),
  /** Queued while MuleRouter cannot be reached: "3 waiting for connection". */
  waitingForConnection: z.number().int().nonnegative(),
  /** False while MuleRouter cannot be reached (offline, or the last request found it unreachable), queued takes or not. */
  connected: z.boolean(),
  /** Queued but held by a budget cap or a request that no longer validates. */
  held: z.number().int().nonnegative(),
  /** `limit` is the setting; `effective` is lower for a while after MuleRouter answered 429. */
  concurrency: z.object({ limit: z.number().int().positive(), effective: z.number().int().positive() }),
  /** While a 429's Retry-After runs, nothing new is sent; ISO time or null. */
  rateLimitedUntil: z.string().nullable(),
  /** Why the engine paused the queue itself (no credits, a key MuleRouter refused); null when the user paused it, or it runs. */
  pauseReason: AppErrorSchema.nullable(),
})
export type QueueState = z.infer<typeof QueueStateSchema>

/**
 * `queued`: journaled, not sent; `sent`: POSTed, rendering or downloading; `completed`; `failed`: MuleRouter
 * refused or the task failed (counted as 0); `never_sent`: cancelled or failed before anything left (0);
 * `unknown`: may have been created and charged (counted); `stopped`: sent, no longer followed (counted).
 */
export const ledgerStatuses = ['queued', 'sent', 'completed', 'failed', 'never_sent', 'unknown', 'stopped'] as const
export const LedgerStatusSchema = z.enum(ledgerStatuses)
export type LedgerStatus = z.infer<typeof LedgerStatusSchema>

export const LedgerRowSchema = z.object({
  takeId: IdSchema,
  projectId: IdSchema,
  projectName: z.string().max(200),
  clipId: IdSchema,
  clipTitle: z.string().max(200),
  mode: ModeSchema,
  sound: SoundSchema,
  durationSeconds: z.number().int().nonnegative(),
  ratePerSecond: z.number().nonnegative(),
  estimateUsd: z.number().nonnegative(),
  status: LedgerStatusSchema,
  /** When the take was queued; the day and month it counts in (local time of this computer). */
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
})
export type LedgerRow = z.infer<typeof LedgerRowSchema>

/** What a row costs as far as budgets and totals go: its estimate once it may have reached MuleRouter, else 0. */
export function chargedUsd(row: Pick<LedgerRow, 'status' | 'estimateUsd'>): number {
  return row.status === 'sent' || row.status === 'completed' || row.status === 'unknown' || row.status === 'stopped' ? row.estimateUsd : 0
}

const TotalSchema = z.object({ key: z.string(), label: z.string(), usd: z.number().nonnegative(), takes: z.number().int().nonnegative() })
export const LedgerSummarySchema = z.object({
  /** Newest first. */
  rows: z.array(LedgerRowSchema),
  totals: z.object({ byProject: z.array(TotalSchema), byDay: z.array(TotalSchema), byMonth: z.array(TotalSchema), allUsd: z.number().nonnegative() }),
})
export type LedgerSummary = z.infer<typeof LedgerSummarySchema>
