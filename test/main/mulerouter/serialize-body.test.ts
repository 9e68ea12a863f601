import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { serializeJsonBody } from '../../../src/main/services/mulerouter/serialize-body'

describe('serializing a request body', () => {
  it('gives exactly the JSON of the body, with large images copied in and small text escaped as usual', async () => {
    const raw = randomBytes(3 * 1024 * 1024 + 1).toString('base64')
    const body = {
      prompt: 'Quotes " and \\ backslashes, émoji 🎬, and a fake marker "omniboard-large-string-x:0"',
      first_frame: raw,
      last_frame: `data:image/png;base64,${raw.slice(5)}`,
      elements: [{ type: 'image', frontal_image: raw.slice(1), reference_images: [raw.slice(2)] }],
    }
    const bytes = await serializeJsonBody(body)
    expect(bytes.toString('utf8')).toBe(JSON.stringify(body))
  })

  it('escapes a large string that is not plain base64 the normal way', async () => {
    const body = { prompt: `${'x'.repeat(70_000)}"\n\u2028é` }
    expect((await serializeJsonBody(body)).toString('utf8')).toBe(JSON.stringify(body))
  })
})
