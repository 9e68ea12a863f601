import { act, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { showSnapshot } from '../../src/renderer/src/app/project-actions'
import { flushEdits } from '../../src/renderer/src/store/document-slice'
import { useStore } from '../../src/renderer/src/store/store'
import type { Project } from '../../src/shared/domain/project'
import { FakeBridge } from './fake-bridge'
import { twoClipProject } from './fixtures'

/** A fresh store holding `project`, a fake bridge behind `window.omniboard`, and `ui` rendered. */
export function renderWithProject(ui: ReactElement, project: Project = twoClipProject()) {
  const bridge = new FakeBridge(project)
  bridge.install()
  useStore.setState(useStore.getInitialState(), true)
  useStore.getState().setSettings(bridge.settings)
  showSnapshot(bridge.snapshot())
  const view = render(ui)
  return { bridge, view }
}

export const clipOf = (id: string) => useStore.getState().doc!.clips.find((c) => c.id === id)!

/** Lets queued edits reach the fake main process. */
export async function settle(): Promise<void> {
  await act(async () => {
    await flushEdits()
  })
}
