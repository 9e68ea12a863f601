import { applyEdit } from '../../src/shared/domain/edits'
import type { EditOp } from '../../src/shared/domain/edits-schema'
import type { Asset, Project, Take } from '../../src/shared/domain/project'
import type { AppError } from '../../src/shared/errors'
import type { OmniboardBridge } from '../../src/shared/ipc/bridge'
import type { ChannelName, EventName, EventPayload, ImportResult } from '../../src/shared/ipc/contract'
import type { ProjectSnapshot } from '../../src/shared/domain/project-snapshot'
import type { Result } from '../../src/shared/result'
import { defaultSettings, type SettingsView } from '../../src/shared/settings'

type Handler = (request: never) => unknown

/**
 * An in-memory `window.omniboard` with just the channels the renderer tests exercise. It applies edits with
 * the real `applyEdit`, so the "main process" copy of the project can be compared with the screen.
 */
export class FakeBridge {
  calls: { channel: ChannelName; request: unknown }[] = []
  project: Project
  revision = 0
  settings: SettingsView = { ...defaultSettings('/home/user/Omniboard'), hasApiKey: true, keyStorage: 'encrypted', secureStorageAvailable: true }
  /** What `assets:importBytes` answers; tests replace it to accept or refuse a file. */
  importBytes: (name: string, bytes: Uint8Array) => Result<ImportResult> = () => ({ ok: true, value: { assets: [], rejected: [] } })
  private listeners = new Map<string, Set<(payload: unknown) => void>>()
  private handlers: Partial<Record<ChannelName, Handler>>

  constructor(project: Project) {
    this.project = project
    this.handlers = {
      'project:read': () => this.snapshot(),
      // A returning user: the sample project is not opened by itself.
      'app:firstStart': () => null,
      'project:edit': ({ ops }: { ops: EditOp[] }) => {
        const doc = ops.reduce(applyEdit, this.document())
        this.project = { ...this.project, ...doc }
        return { revision: ++this.revision }
      },
      'project:saveNow': () => ({ savedAt: '2026-01-01T00:00:00.000Z' }),
      'project:recent': () => [],
      'library:list': () => [],
      'settings:get': () => this.settings,
      'assets:importBytes': ({ name, bytes }: { name: string; bytes: Uint8Array }) => this.importBytes(name, bytes),
      'generation:start': ({ clipId }: { clipId: string }) => {
        const take = makeTake(clipId, `take${this.project.takes.length + 1}`)
        this.project = { ...this.project, takes: [...this.project.takes, take] }
        return take
      },
    }
  }

  /** Replaces or adds the answer to one channel for a test. */
  handle(channel: ChannelName, handler: (request: never) => unknown): void {
    this.handlers[channel] = handler
  }

  document() {
    const { name, defaults, clips, elements } = this.project
    return { name, defaults, clips, elements }
  }

  snapshot(): ProjectSnapshot {
    return { path: '/projects/test', project: this.project, revision: this.revision }
  }

  sentOps(): EditOp[] {
    return this.calls.filter((c) => c.channel === 'project:edit').flatMap((c) => (c.request as { ops: EditOp[] }).ops)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload)
  }

  install(): OmniboardBridge {
    const invoke = new Proxy({}, {
      get: (_target, channel: string) => async (request: unknown) => {
        this.calls.push({ channel: channel as ChannelName, request })
        const handler = this.handlers[channel as ChannelName]
        if (!handler) return { ok: false, error: notImplemented(channel) }
        const value = handler(request as never)
        return isResult(value) ? value : { ok: true, value }
      },
    })
    const on = new Proxy({}, {
      get: (_target, event: string) => (listener: (payload: unknown) => void) => {
        const set = this.listeners.get(event) ?? new Set()
        set.add(listener)
        this.listeners.set(event, set)
        return () => set.delete(listener)
      },
    })
    const bridge = { invoke, on } as OmniboardBridge
    window.omniboard = bridge
    return bridge
  }
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && (('value' in value) || ('error' in value))
}

function notImplemented(channel: string): AppError {
  return { code: 'internal', message: `The fake bridge does not answer ${channel}.`, hint: 'Add it to test/renderer/fake-bridge.ts.' }
}

export function makeAsset(n: number, size = { width: 1280, height: 720 }): Asset {
  return {
    id: n.toString(16).padStart(64, 'a'),
    mime: 'image/png',
    width: size.width,
    height: size.height,
    bytes: 200_000,
    originalName: `frame-${n}.png`,
    importedAt: '2026-01-01T00:00:00.000Z',
  }
}

export function makeTake(clipId: string, id: string, status: Take['status'] = 'submitting'): Take {
  const now = new Date().toISOString()
  return { id, clipId, status, request: { duration: 5, mode: 'pro', sound: 'off' }, taskId: null, remoteStatus: null, createdAt: now, updatedAt: now, submittedAt: null, finishedAt: null, error: null, files: [] }
}
