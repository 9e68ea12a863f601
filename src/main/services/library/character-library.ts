import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { LIBRARY_INDEX_VERSION, LibraryIndexSchema, type LibraryCharacter, type LibraryImage, type LibraryIndex } from '../../../shared/domain/library'
import type { Asset, Element } from '../../../shared/domain/project'
import { AppErrorException, appError, fail } from '../../../shared/errors'
import { readContained } from '../disk/contained-file'
import { storeAssetFiles } from '../images/asset-files'
import { MAX_SOURCE_BYTES } from '../images/image-checks'
import { makeThumbnail } from '../images/thumbnail'
import { writeFileAtomic } from '../disk/atomic-write'
import { assetFileName, pathInsideProject, thumbnailFileName } from '../disk/project-folder'
import type { ProjectSession } from '../project/project-session'

type Source = Pick<ProjectSession, 'dir' | 'project' | 'assetPath'>
type Target = Pick<ProjectSession, 'importBytes'>
export type InsertedCharacter = { name: string; frontalAssetId: string | null; referenceAssetIds: string[]; assets: Asset[] }

const INDEX_FILE = 'library.json'

/**
 * Characters saved app-wide, in `<userData>/library/`: images stored by content hash in the same layout as a
 * project (`assets/`, `thumbs/`) and a JSON index written atomically. Inserting copies the images into the project
 * through the normal import, so a project never points outside its own folder.
 */
export function createCharacterLibrary(dir: string, deps: { now(): Date; newId(): string } = { now: () => new Date(), newId: randomUUID }) {
  const indexPath = path.join(dir, INDEX_FILE)
  let writing: Promise<unknown> = Promise.resolve()

  async function read(): Promise<LibraryIndex> {
    const bytes = await fs.readFile(indexPath).catch((cause: NodeJS.ErrnoException) => (cause.code === 'ENOENT' ? null : Promise.reject(cause)))
    if (bytes === null) return { version: LIBRARY_INDEX_VERSION, characters: [] }
    const parsed = LibraryIndexSchema.safeParse(safeJson(bytes.toString('utf8')))
    if (!parsed.success) fail('library_error', 'The character library index is damaged.', `Move ${indexPath} aside and save the characters again.`)
    return parsed.data
  }

  /** Saves run one at a time so two quick saves never write over each other's index. */
  function update(change: (index: LibraryIndex) => Promise<LibraryIndex>): Promise<LibraryCharacter[]> {
    const run = writing.then(async () => {
      const next = await change(await read())
      await fs.mkdir(dir, { recursive: true })
      await writeFileAtomic(indexPath, Buffer.from(`${JSON.stringify(next, null, 2)}\n`))
      return next.characters
    })
    writing = run.catch(() => undefined)
    return run
  }

  async function keepImage(source: Source, assetId: string): Promise<LibraryImage> {
    const asset = source.project().assets.find((candidate) => candidate.id === assetId)
    if (!asset) fail('not_found', 'An image of this element is missing from the project.', 'Import it again, then save the element.')
    const bytes = await readContained(source.dir, source.assetPath(asset.id), MAX_SOURCE_BYTES)
    // The image passed import's checks when it entered the project; inserting it elsewhere imports it again.
    const thumbnail = await makeThumbnail(bytes)
    await fs.mkdir(path.join(dir, 'assets'), { recursive: true })
    await fs.mkdir(path.join(dir, 'thumbs'), { recursive: true })
    await storeAssetFiles(dir, asset, bytes, thumbnail)
    return { id: asset.id, mime: asset.mime, width: asset.width, height: asset.height }
  }

  return {
    list: async (): Promise<LibraryCharacter[]> => (await read()).characters,

    /** Saves an element of the open project; saving one with the same name again replaces it. */
    save: (source: Source, element: Element): Promise<LibraryCharacter[]> =>
      update(async (index) => {
        const frontal = element.frontalAssetId ? await keepImage(source, element.frontalAssetId) : null
        const references: LibraryImage[] = []
        for (const assetId of element.referenceAssetIds) references.push(await keepImage(source, assetId))
        const name = element.name.trim() || 'Unnamed character'
        const existing = index.characters.find((character) => character.name === name)
        const saved: LibraryCharacter = { id: existing?.id ?? deps.newId(), name, frontal, references, savedAt: deps.now().toISOString() }
        return { ...index, characters: [...index.characters.filter((character) => character.id !== saved.id), saved] }
      }),

    remove: (characterId: string): Promise<LibraryCharacter[]> =>
      update(async (index) => ({ ...index, characters: index.characters.filter((character) => character.id !== characterId) })),

    /** Copies a character's images into a project (checked and thumbnailed like any import) and says what to add. */
    async insert(target: Target, characterId: string): Promise<InsertedCharacter> {
      const character = (await read()).characters.find((candidate) => candidate.id === characterId)
      if (!character) fail('not_found', 'That character is no longer in the library.', 'Refresh the library panel.')
      const assets: Asset[] = []
      const importImage = async (image: LibraryImage): Promise<string> => {
        const file = pathInsideProject(dir, 'assets', assetFileName(image.id, image.mime))
        if (file === null) fail('library_error', 'A library image has an invalid name.', '')
        const bytes = await readContained(dir, file, MAX_SOURCE_BYTES).catch(() => fail('library_error', `An image of ${character.name} is missing from the library.`, 'Save the character again from a project that has it.'))
        const outcome = await target.importBytes(`${character.name}.${image.mime === 'image/png' ? 'png' : 'jpg'}`, bytes)
        const asset = outcome.assets[0]
        if (!asset) throw new AppErrorException(outcome.rejected[0]?.error ?? appError('library_error', 'The image could not be imported.', ''))
        assets.push(asset)
        return asset.id
      }
      const frontalAssetId = character.frontal ? await importImage(character.frontal) : null
      const referenceAssetIds: string[] = []
      for (const reference of character.references) referenceAssetIds.push(await importImage(reference))
      return { name: character.name, frontalAssetId, referenceAssetIds, assets }
    },

    /** The preview of a library image, for the media server; only images the index lists are served. */
    async thumbnailPath(assetId: string): Promise<string | null> {
      const known = (await read()).characters.some((c) => c.frontal?.id === assetId || c.references.some((r) => r.id === assetId))
      return known ? pathInsideProject(dir, 'thumbs', thumbnailFileName(assetId)) : null
    },
  }
}
export type CharacterLibrary = ReturnType<typeof createCharacterLibrary>

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
