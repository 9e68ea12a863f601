import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { showSnapshot } from '../../src/renderer/src/app/project-actions'
import { useTrackGeometry } from '../../src/renderer/src/features/timeline/use-track-geometry'
import { clipWidth } from '../../src/renderer/src/features/timeline/track-layout'
import { undo } from '../../src/renderer/src/store/history'
import { selectClipIndex } from '../../src/renderer/src/store/selectors'
import { useStore } from '../../src/renderer/src/store/store'
import type { EditOp } from '../../src/shared/domain/edits-schema'
import { FakeBridge } from './fake-bridge'
import { threeShotProject } from './fixtures'

const px = 40
const edit = (op: EditOp) => act(() => useStore.getState().edit(op))

beforeEach(() => {
  const bridge = new FakeBridge(threeShotProject())
  bridge.install()
  useStore.setState(useStore.getInitialState(), true)
  showSnapshot(bridge.snapshot())
})

// The track reads only the clips an edit replaced; these check it still follows every edit that moves a card.
describe('the track’s geometry as the storyboard is edited', () => {
  it('widens a clip whose length changes and moves the clips after it, and takes it back on undo', () => {
    const { result } = renderHook(() => useTrackGeometry(px))
    expect(result.current.widths).toEqual([clipWidth(10, false, px), clipWidth(5, false, px)])
    edit({ type: 'updateClip', clipId: 'clip2', patch: { duration: 8 } })
    expect(result.current.widths).toEqual([clipWidth(10, false, px), clipWidth(8, false, px)])
    edit({ type: 'updateShot', clipId: 'clip1', shotId: 's2', patch: { duration: 6 } })
    expect(result.current.endSeconds).toBe(20)
    expect(result.current.clips[0]!.knots.map((knot) => knot.seconds)).toEqual([0, 3, 9, 12])
    act(() => undo())
    expect(result.current.endSeconds).toBe(18)
    expect(result.current.clips[0]!.knots.map((knot) => knot.seconds)).toEqual([0, 3, 7, 10])
  })

  it('follows a clip moved, and keeps the same geometry while only a prompt changes', () => {
    const { result } = renderHook(() => useTrackGeometry(px))
    const before = result.current
    edit({ type: 'updateClip', clipId: 'clip2', patch: { prompt: 'Waves at night' } })
    expect(result.current).toBe(before)
    edit({ type: 'moveClip', clipId: 'clip2', toIndex: 0 })
    expect(result.current.widths).toEqual([clipWidth(5, false, px), clipWidth(10, false, px)])
    expect(result.current.clips[1]!.knots.map((knot) => knot.seconds)).toEqual([5, 8, 12, 15])
  })
})

describe('a clip’s place in the storyboard', () => {
  it('follows moves and their undo, and stays put while a prompt is typed', () => {
    const indexOf = (clipId: string) => selectClipIndex(clipId)(useStore.getState())
    expect([indexOf('clip1'), indexOf('clip2')]).toEqual([0, 1])
    edit({ type: 'moveClip', clipId: 'clip2', toIndex: 0 })
    expect([indexOf('clip1'), indexOf('clip2')]).toEqual([1, 0])
    edit({ type: 'updateClip', clipId: 'clip2', patch: { prompt: 'Waves at night' } })
    expect([indexOf('clip1'), indexOf('clip2')]).toEqual([1, 0])
    act(() => undo())
    act(() => undo())
    expect([indexOf('clip1'), indexOf('clip2')]).toEqual([0, 1])
  })
})
