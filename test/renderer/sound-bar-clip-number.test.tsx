import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SoundBar } from '../../src/renderer/src/features/timeline/audio-lanes/SoundBar'
import { useStore } from '../../src/renderer/src/store/store'
import { renderWithProject } from './render-editor'

describe('the sound bar’s level for the selected clip', () => {
  it('names the selected clip by its place in the storyboard, and follows it when it moves', () => {
    renderWithProject(<SoundBar onImport={() => {}} empty={false} />)
    act(() => useStore.getState().selectClip('clip2'))
    expect(screen.getByText('clip 2')).toBeInTheDocument()
    act(() => useStore.getState().edit({ type: 'moveClip', clipId: 'clip2', toIndex: 0 }))
    expect(screen.getByText('clip 1')).toBeInTheDocument()
    act(() => useStore.getState().selectClip(null))
    expect(screen.queryByText(/^clip \d/)).toBeNull()
  })
})
