import { createClip } from '../domain/create'
import { ClipSchema, ModeSchema, AspectRatioSchema, SoundSchema, type Asset, type Clip, type Element, type ProjectDefaults, type Shot } from '../domain/project'
import { parseCsv } from './csv'
import { shotTypeCells, type ShotListColumn } from './shot-list-columns'

/** Something the user should fix or know; `row` is the spreadsheet row (the header is row 1). */
export interface ShotListProblem {
  row: number
  message: string
}

export interface ShotListImport {
  clips: Clip[]
  problems: ShotListProblem[]
}

export interface ShotListContext {
  defaults: ProjectDefaults
  assets: readonly Pick<Asset, 'id' | 'originalName'>[]
  elements: readonly Pick<Element, 'id' | 'name'>[]
  newId(): string
}

type Cells = (column: ShotListColumn) => string
interface SheetRow {
  row: number
  cell: Cells
}

/**
 * Reads a shot list back as new clips: rows with the same Clip number in a row form one clip, each row a shot of a
 * customize clip. Missing columns take the project's defaults. A clip with an invalid value is left out and its
 * row reported; an image or element name the project does not hold (or holds twice) is reported and left empty,
 * never guessed. Takes and costs are not imported: they belong to the project that made them.
 */
export function importShotListCsv(text: string, context: ShotListContext): ShotListImport {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { clips: [], problems: [{ row: parsed.line, message: `This is not a readable CSV file: ${parsed.message} (line ${parsed.line}).` }] }
  const [header = [], ...body] = parsed.rows
  const indexOf = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]))
  if (!indexOf.has('prompt')) return { clips: [], problems: [{ row: 1, message: 'This file has no "Prompt" column, so it is not an Omniboard shot list.' }] }
  const records: SheetRow[] = body
    .map((cells, index) => ({ row: index + 2, cell: (column: ShotListColumn) => (cells[indexOf.get(column.toLowerCase()) ?? -1] ?? '').trim() }))
    .filter((record, index) => body[index]!.some((cell) => cell.trim() !== ''))
  const problems: ShotListProblem[] = []
  const clips = groupByClip(records).flatMap((group) => {
    const clip = clipFrom(group, context, problems)
    return clip ? [clip] : []
  })
  return { clips, problems }
}

function groupByClip(records: readonly SheetRow[]): SheetRow[][] {
  const groups: SheetRow[][] = []
  for (const record of records) {
    const last = groups[groups.length - 1]
    const number = record.cell('Clip')
    if (last && number !== '' && last[0]!.cell('Clip') === number) last.push(record)
    else groups.push([record])
  }
  return groups
}

function clipFrom(group: readonly SheetRow[], context: ShotListContext, problems: ShotListProblem[]): Clip | null {
  const first = group[0]!
  const report = (row: number, message: string) => void problems.push({ row, message })
  const fail = (row: number, message: string) => (report(row, `${message} This clip was not imported.`), null)

  const mode = enumCell(first.cell('Mode'), ModeSchema.options, context.defaults.mode)
  const aspectRatio = enumCell(first.cell('Aspect ratio'), AspectRatioSchema.options, context.defaults.aspectRatio)
  const sound = enumCell(first.cell('Sound'), SoundSchema.options, context.defaults.sound)
  const shotType = enumCell(first.cell('Shot type'), shotTypeCells, 'single')
  if (mode === null) return fail(first.row, `Mode must be ${ModeSchema.options.join(' or ')}.`)
  if (aspectRatio === null) return fail(first.row, `Aspect ratio must be ${AspectRatioSchema.options.join(', ')}.`)
  if (sound === null) return fail(first.row, 'Sound must be on or off.')
  if (shotType === null) return fail(first.row, `Shot type must be ${shotTypeCells.join(', ')}.`)
  const duration = secondsCell(first.cell('Clip duration (s)'), context.defaults.duration)
  if (duration === null) return fail(first.row, 'Clip duration must be a whole number of seconds from 1 to 60.')

  const clip: Clip = {
    ...createClip(context.defaults, context.newId(), first.cell('Title')),
    mode, aspectRatio, sound, duration,
    prompt: first.cell('Prompt'),
    negativePrompt: first.cell('Negative prompt'),
    multiShot: shotType !== 'single',
    shotType: shotType === 'intelligence' ? 'intelligence' : 'customize',
    firstFrameAssetId: assetCell(first, 'First frame', context, report),
    lastFrameAssetId: assetCell(first, 'Last frame', context, report),
    elementIds: elementsCell(first, context, report),
  }
  if (shotType === 'customize') {
    const shots: Shot[] = []
    for (const record of group) {
      const shotDuration = secondsCell(record.cell('Shot duration (s)'), null)
      if (shotDuration === null) return fail(record.row, 'Shot duration must be a whole number of seconds from 1 to 60.')
      shots.push({ id: context.newId(), prompt: record.cell('Prompt'), duration: shotDuration })
    }
    const total = shots.reduce((sum, shot) => sum + shot.duration, 0)
    if (first.cell('Clip duration (s)') !== '' && total !== duration) report(first.row, `The shots add up to ${total} s, not ${duration} s: the clip lasts ${total} s.`)
    Object.assign(clip, { shots, duration: total })
  } else if (group.length > 1) report(group[1]!.row, `Only customize clips have one row per shot; rows ${group[1]!.row}–${group[group.length - 1]!.row} were ignored.`)

  const valid = ClipSchema.safeParse(clip)
  if (!valid.success) return fail(first.row, `${valid.error.issues[0]?.path.join('.') ?? 'A value'} is not valid: ${valid.error.issues[0]?.message ?? ''}.`)
  return valid.data
}

function enumCell<T extends string>(value: string, options: readonly T[], fallback: T): T | null {
  if (value === '') return fallback
  return options.find((option) => option.toLowerCase() === value.toLowerCase()) ?? null
}

function secondsCell(value: string, fallback: number | null): number | null {
  if (value === '') return fallback
  const seconds = Number(value)
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 60 ? seconds : null
}

function assetCell(record: SheetRow, column: 'First frame' | 'Last frame', context: ShotListContext, report: (row: number, message: string) => void): string | null {
  const name = record.cell(column)
  if (name === '') return null
  const ids = new Set(context.assets.filter((asset) => asset.originalName === name).map((asset) => asset.id))
  if (ids.size === 1) return [...ids][0]!
  report(record.row, ids.size === 0 ? `${column}: no image named "${name}" in this project. Import it, then set the ${column.toLowerCase()}.` : `${column}: several images are named "${name}". Set the ${column.toLowerCase()} by hand.`)
  return null
}

function elementsCell(record: SheetRow, context: ShotListContext, report: (row: number, message: string) => void): string[] {
  const names = record.cell('Elements').split(';').map((name) => name.trim()).filter((name) => name !== '')
  const ids: string[] = []
  for (const name of names) {
    const matches = context.elements.filter((element) => element.name === name)
    if (matches.length === 1) ids.push(matches[0]!.id)
    else report(record.row, matches.length === 0 ? `Elements: no element named "${name}" in this project. Add it, attach it, and check the prompt's element references.` : `Elements: several elements are named "${name}"; attach the right one by hand.`)
  }
  return ids
}

