import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/App'
import { useQueueUi } from '../../src/renderer/src/features/queue/queue-store'
import { createClip } from '../../src/shared/domain/edits'
import { defaultProjectDefaults, type Project } from '../../src/shared/domain/project'
import type { BudgetStanding, QueuePlan } from '../../src/shared/domain/spend'
import { clipRequestSnapshot } from '../../src/shared/takes/clip-request'
import { makeTake } from './fake-bridge'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

function threeClipProject(): Project {
  const project = twoClipProject()
  return { ...project, clips: [...project.clips, { ...createClip(defaultProjectDefaults, 'clip3'), title: 'Gulls', prompt: 'Gulls over the pier' }] }
}

const today = (committedUsd: number, leftAfterUsd: number): BudgetStanding => ({ scope: 'day', capUsd: 20, committedUsd, leftAfterUsd })

function planOf(clipIds: string[], takesPerClip: number, budgets: BudgetStanding[], problems: Record<string, string[]> = {}): QueuePlan {
  const items = clipIds.map((clipId, i) => ({ clipId, position: i + 1, title: clipId === 'clip3' ? 'Gulls' : '', takes: takesPerClip, estimateUsd: 0.7 * takesPerClip, problems: problems[clipId] ?? [] }))
  return { items, clipCount: clipIds.length, takeCount: clipIds.length * takesPerClip, totalUsd: 0.7 * takesPerClip * clipIds.length, budgets }
}

async function setUp(budgets: BudgetStanding[], problems?: Record<string, string[]>, project = threeClipProject()) {
  const user = userEvent.setup()
  const rendered = renderWithProject(<App />, project)
  useQueueUi.setState({ open: false, state: null, request: null })
  const { bridge } = rendered
  bridge.handle('queue:plan', ({ clipIds, takesPerClip }: { clipIds: string[]; takesPerClip: number }) => planOf(clipIds, takesPerClip, budgets, problems))
  bridge.handle('queue:add', ({ clipIds, takesPerClip }: { clipIds: string[]; takesPerClip: number }) => ({
    takes: clipIds.flatMap((clipId) => Array.from({ length: takesPerClip }, (_, i) => makeTake(clipId, `q-${clipId}-${i}`))),
  }))
  await user.click(document.body)
  await user.keyboard('{Control>}a{/Control}')
  return { user, bridge }
}

const callsTo = (bridge: { calls: { channel: string; request: unknown }[] }, channel: string) => bridge.calls.filter((c) => c.channel === channel)

describe('confirming a queue of several takes', () => {
  it('says how many clips, what they cost and what it leaves of the budget, all as estimates, then queues once', async () => {
    const { user, bridge } = await setUp([today(8, 9.9)])
    await user.click(screen.getByRole('button', { name: /Generate 3 clips/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Queue 3 takes?' })
    expect(await within(dialog).findByText("3 clips · ≈ $2.10 · leaves $9.90 of today's $20.00 budget")).toBeInTheDocument()
    expect(dialog).toHaveTextContent('Every figure is an estimate')
    expect(within(dialog).getByRole('listitem', { name: 'Clip 3' })).toHaveTextContent(/Gulls.*≈ \$0\.70/)
    expect(callsTo(bridge, 'queue:plan').at(-1)?.request).toEqual({ clipIds: ['clip1', 'clip2', 'clip3'], takesPerClip: 1 })

    await user.dblClick(within(dialog).getByRole('button', { name: 'Queue 3 takes' }))
    const adds = callsTo(bridge, 'queue:add')
    expect(adds.length).toBeGreaterThan(0)
    // However often Queue is clicked, it is one action: main answers a repeated action id with the same takes.
    expect(new Set(adds.map((c) => (c.request as { actionId: string }).actionId)).size).toBe(1)
    expect(adds[0]!.request).toMatchObject({ clipIds: ['clip1', 'clip2', 'clip3'], takesPerClip: 1 })
    expect(screen.queryByRole('dialog', { name: 'Queue 3 takes?' })).not.toBeInTheDocument()
    expect(screen.getByRole('complementary', { name: 'Queue' })).toBeInTheDocument()
  })

  it('refuses a plan that passes a cap, saying which and by how much, and sends nothing', async () => {
    const { user, bridge } = await setUp([today(19, -1.1), { scope: 'month', capUsd: 200, committedUsd: 20, leftAfterUsd: 177.9 }])
    await user.click(screen.getByRole('button', { name: /Generate 3 clips/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Queue 3 takes?' })
    expect(await within(dialog).findByText(/It would pass today's \$20\.00 budget by \$1\.10\./)).toBeInTheDocument()
    expect(within(dialog).getByText("3 clips · ≈ $2.10")).toBeInTheDocument()
    const queue = within(dialog).getByRole('button', { name: 'Queue 3 takes' })
    expect(queue).toHaveAttribute('aria-disabled', 'true')
    await user.click(queue)
    expect(callsTo(bridge, 'queue:add')).toHaveLength(0)
  })

  it('names the clips that cannot be sent and will not queue any of them', async () => {
    const { user, bridge } = await setUp([], { clip2: ['The prompt is empty.'] })
    await user.click(screen.getByRole('button', { name: /Generate 3 clips/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Queue 3 takes?' })
    expect(await within(dialog).findByRole('listitem', { name: 'Clip 2' })).toHaveTextContent('The prompt is empty.')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('One clip cannot be sent yet')
    expect(dialog).toHaveTextContent('No budget set')
    await user.click(within(dialog).getByRole('button', { name: 'Queue 3 takes' }))
    expect(callsTo(bridge, 'queue:add')).toHaveLength(0)
  })

  it('plans three takes of each selected clip from the Generate menu', async () => {
    const { user, bridge } = await setUp([])
    await user.click(screen.getByRole('button', { name: 'More ways to generate' }))
    expect(screen.getByRole('menuitem', { name: 'Generate what changed (0)' })).toHaveAttribute('aria-disabled', 'true')
    await user.click(screen.getByRole('menuitem', { name: 'Generate 3 takes of each of 3 clips' }))
    const dialog = await screen.findByRole('dialog', { name: 'Queue 9 takes?' })
    expect(await within(dialog).findByText('3 clips, 9 takes · ≈ $6.30')).toBeInTheDocument()
    expect(callsTo(bridge, 'queue:plan').at(-1)?.request).toEqual({ clipIds: ['clip1', 'clip2', 'clip3'], takesPerClip: 3 })
    expect(within(dialog).getByRole('button', { name: 'Queue 9 takes' })).toBeInTheDocument()
  })

  it('generates exactly the clips changed since their chosen take from "Generate what changed"', async () => {
    const project = threeClipProject()
    const takes = project.clips.map((clip) => ({ ...makeTake(clip.id, `t-${clip.id}`, 'completed'), request: clipRequestSnapshot(clip, project) }))
    const edited = project.clips.map((clip) => ({ ...clip, chosenTakeId: `t-${clip.id}`, prompt: clip.id === 'clip1' ? clip.prompt : `${clip.prompt}, at night` }))
    const { user, bridge } = await setUp([], {}, { ...project, clips: edited, takes })
    await user.click(screen.getByRole('button', { name: 'More ways to generate' }))
    await user.click(screen.getByRole('menuitem', { name: 'Generate what changed (2)' }))
    const dialog = await screen.findByRole('dialog', { name: 'Queue 2 takes?' })
    expect(await within(dialog).findByText('2 clips · ≈ $1.40')).toBeInTheDocument()
    expect(callsTo(bridge, 'queue:plan').at(-1)?.request).toEqual({ clipIds: ['clip2', 'clip3'], takesPerClip: 1 })
  })

  it('leaves out of "what changed" a clip whose take of the edited request is already queued', async () => {
    const project = threeClipProject()
    const takes = project.clips.map((clip) => ({ ...makeTake(clip.id, `t-${clip.id}`, 'completed'), request: clipRequestSnapshot(clip, project) }))
    const edited = project.clips.map((clip) => ({ ...clip, chosenTakeId: `t-${clip.id}`, prompt: clip.id === 'clip1' ? clip.prompt : `${clip.prompt}, at night` }))
    const queuedAgain = { ...makeTake('clip3', 'q-clip3'), request: clipRequestSnapshot(edited[2]!, project) }
    const { user, bridge } = await setUp([], {}, { ...project, clips: edited, takes: [...takes, queuedAgain] })
    await user.click(screen.getByRole('button', { name: 'More ways to generate' }))
    await user.click(screen.getByRole('menuitem', { name: 'Generate what changed (1)' }))
    expect(bridge.calls.filter((c) => c.channel === 'generation:start').map((c) => (c.request as { clipId: string }).clipId)).toEqual(['clip2'])
    expect(callsTo(bridge, 'queue:plan')).toHaveLength(0)
  })
})

describe('bulk actions in the inspector', () => {
  it('plans the selection, or three takes of each, from beside "3 clips selected"', async () => {
    const { user, bridge } = await setUp([])
    const inspector = screen.getByRole('region', { name: 'Inspector' })
    await user.click(within(inspector).getByRole('button', { name: '3 takes each' }))
    await screen.findByRole('dialog', { name: 'Queue 9 takes?' })
    expect(callsTo(bridge, 'queue:plan').at(-1)?.request).toEqual({ clipIds: ['clip1', 'clip2', 'clip3'], takesPerClip: 3 })
  })
})
