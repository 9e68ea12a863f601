import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Timeline } from '../../src/renderer/src/features/timeline/Timeline'
import { makeTake } from './fake-bridge'
import { twoClipProject } from './fixtures'
import { renderWithProject } from './render-editor'

describe('a generated clip on the timeline', () => {
  it('shows a poster with its take count on a clip with a finished take, and none on a clip without', () => {
    const project = twoClipProject()
    project.takes = [{ ...makeTake('clip1', 't1', 'completed') }, { ...makeTake('clip1', 't2', 'failed') }]
    project.clips[0] = { ...project.clips[0]!, chosenTakeId: 't1' }
    renderWithProject(<Timeline />, project)
    expect(screen.getByRole('img', { name: 'Clip 1 video, 2 takes' })).toHaveTextContent('2')
    expect(screen.queryByRole('img', { name: /^Clip 2 video/ })).toBeNull()
    // The poster takes room of its own: clip 1 is wider than clip 2 of the same length.
    const width = (name: string) => parseFloat(screen.getByRole('group', { name }).style.width)
    expect(width('Clip 1')).toBeGreaterThan(width('Clip 2'))
  })
})
