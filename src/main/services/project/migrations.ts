import { PROJECT_SCHEMA_VERSION } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { isRecord } from '../../../shared/is-record'

/** A project as parsed from JSON, before it is known to match any schema. */
export type RawProject = Record<string, unknown>
type Migration = (project: RawProject) => RawProject

/**
 * Version 1 kept each clip's takes inside the clip. Version 2 keeps them in one top-level list with a
 * `clipId`, so editing and undoing clips never touches the engine's record of paid generations.
 */
function movesTakesOutOfClips(project: RawProject): RawProject {
  const clips = Array.isArray(project.clips) ? project.clips : []
  const takes: unknown[] = []
  const migratedClips = clips.map((clip: unknown) => {
    if (!isRecord(clip)) return clip
    const { takes: clipTakes, ...rest } = clip
    for (const take of Array.isArray(clipTakes) ? clipTakes : []) {
      takes.push(isRecord(take) ? { ...take, clipId: clip.id } : take)
    }
    return rest
  })
  return { ...project, schemaVersion: 2, clips: migratedClips, takes }
}

/**
 * Version 3 lets a clip carry `script` (where it came from in an imported screenplay). Nothing in a version 2 file
 * changes; the number moves so that an older Omniboard, which would drop the unknown field on its next save,
 * refuses the file instead.
 */
const allowsClipScripts = (project: RawProject): RawProject => ({ ...project, schemaVersion: 3 })

/**
 * Version 4 lets a clip carry reference images (`referenceImageIds`), a next shot's `videoReference` and `captions`;
 * a take its `endpoint`, edit lineage (`edit`) and `videoFacts`; the project its sound lanes (`mix`, `audioFiles`).
 * Nothing in a version 3 file changes; the number moves so an older Omniboard refuses the file rather than dropping
 * those fields on its next save.
 */
const allowsOmniPathsCaptionsAndSound = (project: RawProject): RawProject => ({ ...project, schemaVersion: 4 })

/** One step per version: `migrations.get(n)` turns a version n project into version n + 1. */
export const migrations: ReadonlyMap<number, Migration> = new Map([
  [1, movesTakesOutOfClips],
  [2, allowsClipScripts],
  [3, allowsOmniPathsCaptionsAndSound],
])

export const OLDEST_SUPPORTED_VERSION = 1

/** Brings a parsed project up to the current schema version, one step at a time. */
export function migrateToCurrent(project: RawProject): { project: RawProject; migratedFrom: number | null } {
  const version = project.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    fail('project_corrupt', 'project.json has no valid schemaVersion, so Omniboard cannot tell how to read it.', corruptHint)
  }
  if (version > PROJECT_SCHEMA_VERSION) {
    fail(
      'project_too_new',
      `This project was made by a newer Omniboard (file format ${version}; this version reads up to ${PROJECT_SCHEMA_VERSION}).`,
      'Update Omniboard to open it. The project has not been changed.',
    )
  }
  let current = project
  for (let step = version; step < PROJECT_SCHEMA_VERSION; step++) {
    const migrate = migrations.get(step)
    if (migrate === undefined) throw new Error(`No migration from project schema version ${step}`)
    current = migrate(current)
  }
  return { project: current, migratedFrom: version === PROJECT_SCHEMA_VERSION ? null : version }
}

const corruptHint = 'Restore project.json from a backup. Omniboard has not changed the file.'
