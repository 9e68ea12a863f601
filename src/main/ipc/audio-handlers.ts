import type { Handlers } from './router'
import type { Dialogs } from '../dialogs'
import type { Workspace } from '../services/workspace/workspace'
import { audioPeaks } from '../services/audio/audio-peaks'
import { importAudioIntoProject } from '../services/audio/import-audio'
import { fail } from '../../shared/errors'

type AudioChannels = 'project:chooseAudio' | 'audio:importFiles' | 'audio:importBytes' | 'audio:peaks'

/** Thin handlers for the sound files of the lanes. */
export function createAudioHandlers(deps: { workspace: Workspace; dialogs: Dialogs; now: () => Date }): Pick<Handlers, AudioChannels> {
  const { workspace } = deps
  return {
    'project:chooseAudio': async () => ({ paths: (await deps.dialogs.chooseAudio?.()) ?? [] }),
    'audio:importFiles': ({ paths }) =>
      importAudioIntoProject(workspace.requireSession(), paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, path: p })), deps.now),
    'audio:importBytes': ({ name, bytes }) => importAudioIntoProject(workspace.requireSession(), [{ name, bytes }], deps.now),
    'audio:peaks': ({ audioId }) => {
      const session = workspace.requireSession()
      const file = session.project().audioFiles?.find((candidate) => candidate.id === audioId)
      return file ? audioPeaks(session.dir, file) : fail('not_found', 'That sound file is not in this project.', 'Import it again.')
    },
  }
}
