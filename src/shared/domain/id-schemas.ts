import { z } from 'zod'

/** Ids are opaque tokens; they never contain path separators, so they are safe in file names. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id')
/** Assets are named by the SHA-256 of their bytes, so the same image is stored once. */
export const AssetIdSchema = z.string().regex(/^[a-f0-9]{64}$/, 'not a valid asset id')
/** A plain file name inside a project sub-folder: no separators, no "..", no absolute paths. */
export const SafeFileNameSchema = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'file name must stay inside the project folder')
  .refine((name) => !name.includes('..'), 'file name must stay inside the project folder')
