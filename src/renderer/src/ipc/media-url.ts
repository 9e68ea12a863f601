import { electronMediaBase } from '../../../shared/media-paths'
import { invoke } from './client'

/**
 * Media is loaded by URL straight from main (streamed from disk, byte ranges for video), never copied over IPC.
 * Main says where: the `omniboard-media:` scheme in the app, a loopback path in the browser harness.
 */
let mediaBase = electronMediaBase

export async function loadMediaBase(): Promise<void> {
  const info = await invoke('app:info', {})
  if (info.ok) mediaBase = info.value.mediaBase
}

/** The URL of a path from `mediaPaths`. */
export const mediaUrl = (path: string): string => mediaBase + path
