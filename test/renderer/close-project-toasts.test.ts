import { describe, expect, it } from 'vitest'
import { useStore } from '../../src/renderer/src/store/store'

describe('closing a project', () => {
  it('drops toasts whose action points into the closed project and keeps plain notices', () => {
    const { pushToast, closeProjectLocal } = useStore.getState()
    pushToast({ tone: 'success', message: 'A take of clip 1 is ready.', action: { label: 'Show', run: () => {} } })
    pushToast({ tone: 'warning', message: 'You are offline.' })
    closeProjectLocal()
    expect(useStore.getState().toasts.map((toast) => toast.message)).toEqual(['You are offline.'])
  })
})
