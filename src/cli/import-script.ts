import { loadProject } from '../main/services/project'
import { openProjectSession } from '../main/services/project/open-project'
import { readScriptFile } from '../main/services/script/read-script-file'
import { newId } from '../shared/domain/ids'
import type { ProjectDocument } from '../shared/domain/project'
import { isAppErrorException } from '../shared/errors'
import { clipSeconds, proposeBreakdown, type Breakdown } from '../shared/script/breakdown'
import { hasScriptClips, planReimport } from '../shared/script/reimport'
import { buildScriptImport, pageLength, sceneLabel, type ScriptImport } from '../shared/script/script-clips'
import type { Screenplay } from '../shared/script/screenplay'
import type { CliIo } from './cli-io'
import { exitCodeFor, exitCodes, type ExitCode } from './exit-codes'
import type { ImportScriptArgs } from './import-script-args'

/**
 * Prints the breakdown of a screenplay and appends its clips to the project as the app's import does (one edit);
 * a project that already holds clips from a script gets the newer draft's changes instead. `--dry-run` reads the
 * project and changes nothing. The terminal matches characters to the project's elements, not to the library.
 */
export async function runImportScript(args: ImportScriptArgs, io: CliIo): Promise<ExitCode> {
  try {
    const screenplay = await readScriptFile(args.scriptFile)
    const breakdown = chooseScenes({ ...proposeBreakdown(screenplay), speak: args.speak }, args.scenes)
    if (!breakdown.scenes.some((s) => s.include)) {
      io.stderr(`omniboard: no scene of ${args.scriptFile} matches --scenes.\n`)
      return exitCodes.usage
    }
    if (args.dryRun) {
      const { project } = await loadProject(args.projectDir)
      printBreakdown(io, screenplay, breakdown, build(breakdown, project))
      return exitCodes.ok
    }
    const session = await openProjectSession(args.projectDir, { now: () => new Date(), newId: () => newId() })
    try {
      const project = session.project()
      if (hasScriptClips(project)) {
        const takes = new Set(project.takes.map((take) => take.clipId))
        // A newer draft is compared whole: a scene left out by --scenes would otherwise read as gone.
        const plan = planReimport(project, takes, screenplay, { defaults: project.defaults, library: [], newId: () => newId(), speak: args.speak, removeClipsWithTakes: false })
        for (const scene of plan.scenes) io.stdout(`${scene.status.padEnd(8)} ${scene.label}\n`)
        session.applyEdits(plan.ops)
        await session.saveNow()
        const { added, updated, marked, removed } = plan.counts
        io.stdout(`Newer draft: ${added} clips added, ${updated} updated, ${marked} marked "script changed", ${removed} removed.\n`)
        return exitCodes.ok
      }
      const built = build(breakdown, project)
      printBreakdown(io, screenplay, breakdown, built)
      session.applyEdits(built.ops)
      await session.saveNow()
      io.stdout(`Added ${built.clips.length} clips to ${project.name}.\n`)
      return exitCodes.ok
    } finally {
      await session.close()
    }
  } catch (error) {
    if (!isAppErrorException(error)) throw error
    io.stderr(`omniboard: ${error.error.message} ${error.error.hint}\n`)
    return exitCodeFor(error.error)
  }
}

const build = (breakdown: Breakdown, project: ProjectDocument): ScriptImport =>
  buildScriptImport(breakdown, { defaults: project.defaults, elements: project.elements, library: [], newId: () => newId() })

/** Scenes by number (12A counts as 12) when the script numbers them, else by their place in it. */
function chooseScenes(breakdown: Breakdown, ranges: ImportScriptArgs['scenes']): Breakdown {
  if (!ranges) return breakdown
  const numbered = breakdown.scenes.some((s) => s.scene.number !== null)
  return {
    ...breakdown,
    scenes: breakdown.scenes.map((s, i) => {
      const n = numbered ? Number.parseInt(s.scene.number ?? '', 10) : i + 1
      return { ...s, include: ranges.some(([from, to]) => n >= from && n <= to) }
    }),
  }
}

function printBreakdown(io: CliIo, screenplay: Screenplay, breakdown: Breakdown, built: ScriptImport): void {
  const chosen = breakdown.scenes.filter((s) => s.include)
  const seconds = chosen.reduce((sum, s) => sum + s.clips.reduce((t, clip) => t + clipSeconds(clip), 0), 0)
  io.stdout(`${screenplay.title ?? 'Untitled script'}: ${chosen.length} of ${breakdown.scenes.length} scenes, ${built.clips.length} clips, ${seconds} s\n`)
  for (const { scene } of chosen) {
    io.stdout(`\n${sceneLabel(scene)}  (p. ${scene.page} · ${pageLength(scene.eighths)})\n`)
    for (const { clip } of built.clips.filter((c) => c.clip.script!.sceneKey === scene.key)) {
      const names = clip.elementIds.map((id) => built.cast.find((member) => member.elementId === id)?.name).filter(Boolean)
      io.stdout(`  ${clip.title.replace(/^.* · /, '· ').padEnd(5)} ${String(clip.duration).padStart(2)} s  ${clip.script!.text.replace(/\s+/g, ' ').slice(0, 90)}${names.length > 0 ? `  [${names.join(', ')}]` : ''}\n`)
    }
  }
  const placeholders = built.cast.filter((member) => member.source === 'new').map((member) => member.name)
  if (placeholders.length > 0) io.stdout(`\nNew elements, each waiting for a frontal image: ${placeholders.join(', ')}\n`)
}
