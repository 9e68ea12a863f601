import { describe, expect, it } from 'vitest'
import { createSettingsService } from '../../../src/main/services/settings/settings-service'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'
import { startMain } from '../../support/main-under-test'

/** What a settings file written before budgets existed holds. */
const olderSettings = {
  baseUrlPreset: 'mulerun',
  customBaseUrl: '',
  imageEncoding: 'dataUri',
  maxConcurrentJobs: 5,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
  prices: { stdPerSecond: 0.1, stdWithSoundPerSecond: 0.12, proPerSecond: 0.13, proWithSoundPerSecond: 0.15 },
  defaults: { mode: 'pro', aspectRatio: '16:9', sound: 'off', duration: 5 },
  projectsDir: '/home/ana/Films',
  panelSizes: { left: 240, right: 300, timeline: 220 },
}

describe('budget settings', () => {
  it('loads a settings file from before budgets with no caps and every other setting kept', async () => {
    const main = await startMain({ store: createMemoryStore({ firstStartDone: true, settings: olderSettings }) })
    try {
      const view = await main.call('settings:get', {})
      expect(view.budgets).toEqual({ dailyUsd: null, monthlyUsd: null })
      expect(view).toMatchObject({ baseUrlPreset: 'mulerun', maxConcurrentJobs: 5, projectsDir: '/home/ana/Films', prices: olderSettings.prices })
    } finally {
      await main.dispose()
    }
  })

  it('keeps the caps it was given across a restart', async () => {
    const store = createMemoryStore({ firstStartDone: true })
    const first = await startMain({ store })
    await first.call('settings:update', { patch: { budgets: { dailyUsd: 20, monthlyUsd: 300 } } })
    await first.dispose()
    const second = await startMain({ store })
    try {
      expect((await second.call('settings:get', {})).budgets).toEqual({ dailyUsd: 20, monthlyUsd: 300 })
    } finally {
      await second.dispose()
    }
  })

  it('refuses a cap of zero, below zero or over $1,000,000 and keeps the caps as they were', async () => {
    const main = await startMain({ store: createMemoryStore({ firstStartDone: true }) })
    try {
      await main.call('settings:update', { patch: { budgets: { dailyUsd: 20, monthlyUsd: null } } })
      for (const dailyUsd of [0, -5, 1_000_001]) {
        expect((await main.refusal('settings:update', { patch: { budgets: { dailyUsd, monthlyUsd: null } } })).code).toBe('invalid_request')
      }
      expect(await main.call('settings:update', { patch: { budgets: { dailyUsd: 1_000_000, monthlyUsd: null } } })).toMatchObject({
        budgets: { dailyUsd: 1_000_000, monthlyUsd: null },
      })
    } finally {
      await main.dispose()
    }
  })

  it('reads a hand-edited caps entry missing a cap as no cap there, and an unreadable one as no caps, keeping the rest', () => {
    const partial = createSettingsService(createMemoryStore({ settings: { ...olderSettings, budgets: { dailyUsd: 15 } } }), '/docs')
    expect(partial.get()).toMatchObject({ budgets: { dailyUsd: 15, monthlyUsd: null }, baseUrlPreset: 'mulerun' })
    const broken = createSettingsService(createMemoryStore({ settings: { ...olderSettings, budgets: { dailyUsd: 'twenty' } } }), '/docs')
    expect(broken.get()).toMatchObject({ budgets: { dailyUsd: null, monthlyUsd: null }, baseUrlPreset: 'mulerun' })
  })
})
