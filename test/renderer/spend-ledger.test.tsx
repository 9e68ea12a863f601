import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useStore } from '../../src/renderer/src/store/store'
import { summariseLedger } from '../../src/shared/domain/ledger-summary'
import type { LedgerRow } from '../../src/shared/domain/spend'
import type { SettingsPatch } from '../../src/shared/settings'
import { ledgerRow } from '../support/ledger-row'
import { renderWithProject } from './render-editor'

const now = new Date()
const today = (hour: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour).toISOString()
const rows: LedgerRow[] = [
  ledgerRow('t1', { status: 'completed', estimateUsd: 1.4, mode: 'pro', durationSeconds: 10, queuedAt: today(1), clipTitle: 'First light' }),
  ledgerRow('t2', { status: 'failed', estimateUsd: 0.7, queuedAt: today(2), clipTitle: 'Harbour wall' }),
  ledgerRow('t3', { status: 'never_sent', estimateUsd: 0.42, queuedAt: today(3), clipTitle: 'Gulls' }),
  ledgerRow('t4', { status: 'completed', estimateUsd: 2.1, projectId: 'proj2', projectName: 'Teaser', queuedAt: '2025-03-04T12:00:00.000Z' }),
]

async function openLedger() {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />)
  rendered.bridge.handle('ledger:read', () => summariseLedger(rows))
  rendered.bridge.handle('ledger:exportCsv', () => ({ path: '/home/user/spend.csv' }))
  // The title bar's spend figure appears once a take may have been billed; the ledger opens from it.
  useStore.getState().openDialog('ledger')
  const dialog = await screen.findByRole('dialog', { name: 'Spend (estimates)' })
  await within(dialog).findByRole('table', { name: 'Takes in the spend ledger' })
  return { user, dialog, ...rendered }
}

describe('the spend ledger', () => {
  it('totals what may have been charged per day, month and project, failed and never-sent takes as $0.00', async () => {
    const { dialog } = await openLedger()
    expect(within(dialog).getByLabelText('Today total')).toHaveTextContent('≈ $1.40')
    expect(within(dialog).getByLabelText('All time total')).toHaveTextContent('≈ $3.50')
    expect(within(within(dialog).getByRole('region', { name: 'Totals by project' })).getByText('Teaser').nextSibling).toHaveTextContent('≈ $2.10')
    const failed = within(dialog).getByRole('row', { name: /Harbour wall/ })
    expect(failed).toHaveTextContent('$0.00')
    expect(failed).toHaveTextContent('est. $0.70')
    expect(failed).toHaveTextContent('not charged')
    expect(within(dialog).getByRole('row', { name: /Gulls/ })).toHaveTextContent('Never sent')
    expect(within(dialog).getByRole('row', { name: /First light/ })).toHaveTextContent('≈ $1.40')
    expect(dialog).toHaveTextContent(/Every figure is an estimate/)
  })

  it('exports the ledger as CSV and says where it went', async () => {
    const { user, dialog, bridge } = await openLedger()
    await user.click(within(dialog).getByRole('button', { name: /Export CSV/ }))
    expect(bridge.calls.map((c) => c.channel)).toContain('ledger:exportCsv')
    expect(await screen.findByText('Spend ledger saved to /home/user/spend.csv')).toBeInTheDocument()
  })
})

describe('budgets in Settings', () => {
  it('saves daily and monthly caps and the project cap, empty meaning none', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    bridge.handle('settings:update', ({ patch }: { patch: SettingsPatch }) => (bridge.settings = { ...bridge.settings, ...patch }))
    bridge.handle('budget:setProjectCap', ({ capUsd }: { capUsd: number | null }) => ({ capUsd }))
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.type(screen.getByRole('textbox', { name: 'Daily cap in dollars' }), '20')
    await user.type(screen.getByRole('textbox', { name: 'This project’s cap in dollars' }), '$12.50')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    expect(bridge.settings.budgets).toEqual({ dailyUsd: 20, monthlyUsd: null })
    expect(bridge.calls.find((c) => c.channel === 'budget:setProjectCap')?.request).toEqual({ capUsd: 12.5 })
    expect(useStore.getState().projectCapUsd).toBe(12.5)
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument()
  })

  it('refuses a cap that is not an amount, says why at the field, and saves nothing', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const monthly = screen.getByRole('textbox', { name: 'Monthly cap in dollars' })
    await user.type(monthly, '0')
    expect(monthly).toHaveAccessibleDescription('A cap must be more than $0. Leave it empty for no cap.')
    await user.clear(monthly)
    await user.type(monthly, 'lots')
    expect(monthly).toHaveAccessibleDescription(/Enter an amount in dollars/)
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(bridge.calls.map((c) => c.channel)).not.toContain('settings:update')
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument()
  })

  it('runs up to 20 generations at once when asked, and no more', async () => {
    const user = userEvent.setup()
    const { bridge } = renderWithProject(<App />)
    bridge.handle('settings:update', ({ patch }: { patch: SettingsPatch }) => (bridge.settings = { ...bridge.settings, ...patch }))
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const atOnce = screen.getByRole('spinbutton', { name: 'Generations at once' })
    // A number field is typed into as a whole value (the field clamps each value it is given).
    fireEvent.change(atOnce, { target: { value: '15' } })
    expect(atOnce).toHaveValue(15)
    fireEvent.change(atOnce, { target: { value: '50' } })
    expect(atOnce).toHaveValue(20)
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(bridge.settings.maxConcurrentJobs).toBe(20)
  })
})
