import { z } from 'zod'
import { apiRules } from './api-rules'
import { AssetSchema, IdSchema } from './project'

/** An image kept in the character library: content-addressed like a project asset. */
export const LibraryImageSchema = AssetSchema.pick({ id: true, mime: true, width: true, height: true })
export type LibraryImage = z.infer<typeof LibraryImageSchema>

/** A saved element: a character (or prop, or place) to insert into any project. */
export const LibraryCharacterSchema = z.object({
  id: IdSchema,
  name: z.string().max(200),
  frontal: LibraryImageSchema.nullable(),
  references: z.array(LibraryImageSchema).max(apiRules.maxReferenceImagesPerElement),
  savedAt: z.string(),
})
export type LibraryCharacter = z.infer<typeof LibraryCharacterSchema>

export const LIBRARY_INDEX_VERSION = 1
export const LibraryIndexSchema = z.object({
  version: z.literal(LIBRARY_INDEX_VERSION),
  characters: z.array(LibraryCharacterSchema).max(10_000),
})
export type LibraryIndex = z.infer<typeof LibraryIndexSchema>
