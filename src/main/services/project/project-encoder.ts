import type { z } from 'zod'
import { AssetSchema, ClipSchema, ElementSchema, PROJECT_SCHEMA_VERSION, ProjectSchema, projectListLimits, TakeSchema, type Asset, type Project, type Take } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { assertAssetFilesInside, assertTakeFilesInside, failDamaged, parseProject } from './load-project'
import { sortKeysDeep, toStableJson } from './stable-json'

type ListKey = keyof typeof projectListLimits

const listSchemas: Record<ListKey, z.ZodType> = { clips: ClipSchema, assets: AssetSchema, elements: ElementSchema, takes: TakeSchema }
const isListKey = (key: string): key is ListKey => Object.hasOwn(listSchemas, key)

/** The lists stand empty while the rest of the project is checked against the project schema. */
const emptyLists: Record<ListKey, []> = { clips: [], assets: [], elements: [], takes: [] }

export type ProjectEncoder = {
  /**
   * The bytes of `toStableJson(project)`, proven to read back as `parseProject` would prove them: throws the
   * same `project_corrupt` error for anything it would refuse.
   */
  encode(project: Project): Buffer
}

/**
 * Encodes a project for saving, paying only for what changed since the last save: serialising the whole project
 * and parsing it back against the schema at every save (one per take update) would stall the main process while
 * many jobs run. Here each clip, asset, element and take is serialised
 * and checked once, when it first appears: the project state is immutable (every change makes new objects), so an
 * object seen before has the same bytes and passed the same check. Objects are frozen once encoded, so code that
 * mutated one in place would fail loudly instead of being saved as it was. What is not a plain current project
 * (a list missing, an old schema version) takes the whole-project check.
 */
export function createProjectEncoder(dir: string): ProjectEncoder {
  const encoded = new WeakMap<object, Buffer>()
  // The last bytes of each list: an edit makes a new list only where it changed (a title edit, the clips), so
  // the others are reused whole. At 3,000 clips, joining every item's text again cost more than the whole save.
  const lastList = new Map<ListKey, { items: readonly unknown[]; bytes: Buffer }>()

  function item(key: ListKey, value: unknown, index: number): Buffer {
    if (typeof value === 'object' && value !== null) {
      const known = encoded.get(value)
      if (known !== undefined) return known
    }
    // An undefined or function item is written as null by JSON.stringify in an array, and refused as that.
    const json = JSON.stringify(sortKeysDeep(value), null, 2) ?? 'null'
    const checked = listSchemas[key].safeParse(JSON.parse(json))
    if (!checked.success) failDamaged(checked.error.issues, [key, index])
    if (key === 'assets') assertAssetFilesInside(value as Asset, dir)
    if (key === 'takes') assertTakeFilesInside(value as Take, dir)
    const bytes = Buffer.from(indent(json, 2))
    if (typeof value === 'object' && value !== null) encoded.set(deepFreeze(value), bytes)
    return bytes
  }

  function list(key: ListKey, items: readonly unknown[]): Buffer {
    if (items.length > projectListLimits[key]) fail('project_corrupt', `project.json is damaged: ${key}: more than ${projectListLimits[key]} items.`, '')
    const last = lastList.get(key)
    if (last?.items === items) return last.bytes
    if (items.length === 0) return EMPTY_LIST
    const parts: Buffer[] = [LIST_OPEN]
    items.forEach((value, index) => {
      if (index > 0) parts.push(ITEM_SEPARATOR)
      parts.push(item(key, value, index))
    })
    parts.push(LIST_CLOSE)
    const bytes = Buffer.concat(parts)
    // Frozen like its items: a list changed in place would otherwise be saved as it was.
    lastList.set(key, { items: Object.freeze(items), bytes })
    return bytes
  }

  return {
    encode(project) {
      const record = project as Record<string, unknown>
      if (record['schemaVersion'] !== PROJECT_SCHEMA_VERSION || !Object.keys(listSchemas).every((key) => Array.isArray(record[key]))) {
        const bytes = Buffer.from(toStableJson(project))
        parseProject(bytes, dir)
        return bytes
      }
      const rest: Record<string, unknown> = {}
      const parts: Buffer[] = []
      for (const key of Object.keys(record).sort()) {
        const value = record[key]
        if (value === undefined) continue
        parts.push(Buffer.from(`${parts.length === 0 ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `))
        if (isListKey(key)) {
          parts.push(list(key, value as unknown[]))
        } else {
          const json = JSON.stringify(sortKeysDeep(value), null, 2)
          rest[key] = JSON.parse(json)
          parts.push(Buffer.from(indent(json, 1)))
        }
      }
      const checked = ProjectSchema.safeParse({ ...rest, ...emptyLists })
      if (!checked.success) failDamaged(checked.error.issues)
      parts.push(OBJECT_CLOSE)
      return Buffer.concat(parts)
    },
  }
}

const [EMPTY_LIST, LIST_OPEN, ITEM_SEPARATOR, LIST_CLOSE, OBJECT_CLOSE] = ['[]', '[\n    ', ',\n    ', '\n  ]', '\n}\n'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer, Buffer, Buffer]

/** JSON.stringify(…, null, 2) output placed `depth` levels down: newlines only occur between tokens (strings escape theirs). */
const indent = (json: string, depth: number): string => json.replaceAll('\n', `\n${'  '.repeat(depth)}`)

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child)
  return Object.freeze(value)
}
