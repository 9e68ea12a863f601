import { z } from 'zod'

/** One IPC channel: what the renderer sends and what main answers, each checked by its schema. */
export const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response })
export const Empty = z.object({}).strict()
