import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_FAKE_KEY, FAKE_SUBMIT_PATH, startFakeMuleRouter, type FakeMuleRouter } from '../../src/fake-mulerouter'

let fake: FakeMuleRouter
let png: string
let jpeg: string

beforeAll(async () => {
  fake = await startFakeMuleRouter({ clock: 'manual' })
  const image = sharp({ create: { width: 300, height: 300, channels: 3, background: { r: 10, g: 120, b: 200 } } })
  png = (await image.clone().png().toBuffer()).toString('base64')
  jpeg = (await image.clone().jpeg().toBuffer()).toString('base64')
})
afterAll(() => fake.close())

const base = { prompt: 'A red kite over dunes', duration: 5, mode: 'pro', aspect_ratio: '16:9', sound: 'off' }
const element = (references = 1) => ({ type: 'image', frontal_image: png, reference_images: Array.from({ length: references }, () => jpeg) })
const shots = (...durations: number[]) => durations.map((duration, i) => ({ prompt: `shot ${i + 1}`, duration }))
const multi = (multiPrompt: unknown, duration: number) => ({ ...base, prompt: undefined, multi_shot: true, shot_type: 'customize', multi_prompt: multiPrompt, duration })

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEFAULT_FAKE_KEY}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as { detail?: string; task_info?: { id: string; status: string } } }
}

describe('the fake accepts bodies the contract allows', () => {
  it.each([
    ['a single prompt', () => (base)],
    ['six shots summing to the duration', () => (multi(shots(1, 2, 3, 3, 3, 3), 15))],
    ['intelligence multi-shot', () => ({ ...base, multi_shot: true, shot_type: 'intelligence' })],
    ['a 2500-character prompt counted in characters, not UTF-16 units', () => ({ ...base, prompt: '🎬'.repeat(2500) })],
    ['first and last frames (raw base64) and five elements', () => ({ ...base, first_frame: png, last_frame: jpeg, elements: Array.from({ length: 5 }, () => element(3)) })],
    ['seven elements', () => ({ ...base, elements: Array.from({ length: 7 }, () => element()) })],
    ['data URIs', () => ({ ...base, first_frame: `data:image/png;base64,${png}`, last_frame: `data:image/jpeg;base64,${jpeg}` })],
    ['an image URL', () => ({ ...base, first_frame: 'https://example.com/frame.png' })],
  ])('accepts %s', async (_name, body) => {
    const { status, json } = await post(body())
    expect(json.detail).toBeUndefined()
    expect(status).toBe(200)
    expect(json.task_info?.status).toBe('pending')
  })
})

describe('the fake rejects every kind of invalid body with a detail, and creates no task', () => {
  it.each([
    ['an unknown field', { ...base, seed: 42 }, "unknown field 'seed'"],
    ['multi_shot as a string', { ...base, multi_shot: 'true', shot_type: 'intelligence' }, 'multi_shot must be a boolean'],
    ['duration as a string', { ...base, duration: '5' }, 'duration must be an integer'],
    ['a fractional duration', { ...base, duration: 5.5 }, 'duration must be an integer'],
    ['a prompt that is a number', { ...base, prompt: 5 }, 'prompt must be a string'],
    ['a duration under 3', { ...base, duration: 2 }, 'between 3 and 15'],
    ['a duration over 15', { ...base, duration: 16 }, 'between 3 and 15'],
    ['a bad mode', { ...base, mode: 'ultra' }, 'mode must be one of std, pro'],
    ['a bad aspect ratio', { ...base, aspect_ratio: '4:3' }, 'aspect_ratio must be one of'],
    ['a 2501-character prompt', { ...base, prompt: 'a'.repeat(2501) }, 'prompt must be at most 2500 characters'],
    ['a 2501-character negative prompt', { ...base, negative_prompt: 'a'.repeat(2501) }, 'negative_prompt must be at most 2500'],
    ['neither prompt nor multi_prompt', { ...base, prompt: undefined }, 'either prompt or multi_prompt'],
    ['multi_shot without a shot type', { ...base, multi_shot: true }, 'shot_type is required'],
    ['customize without shots', { ...base, multi_shot: true, shot_type: 'customize' }, 'multi_prompt is required'],
    ['a 513-character shot prompt', multi([{ prompt: 'a'.repeat(513), duration: 5 }], 5), 'at most 512 characters'],
    ['shots that do not sum to the duration', multi(shots(2, 2), 5), 'sum to 4, but duration is 5'],
    ['zero shots', multi([], 5), '1 to 6 items'],
    ['seven shots', multi(shots(1, 1, 1, 1, 1, 1, 1), 7), '1 to 6 items (got 7)'],
    ['a shot with a zero duration', multi(shots(0, 5), 5), 'duration must be an integer of at least 1'],
    ['a shot with an extra field', multi([{ prompt: 'x', duration: 5, index: 1 }], 5), "unknown field 'index'"],
    ['a last frame without a first frame', () => ({ ...base, last_frame: png }), 'last_frame requires first_frame'],
    ['eight images and elements', () => ({ ...base, first_frame: png, last_frame: png, elements: Array.from({ length: 6 }, () => element()) }), 'must not exceed 7 (got 8)'],
    ['an element without reference images', () => ({ ...base, elements: [element(0)] }), 'reference_images must have 1 to 3'],
    ['an element with four reference images', () => ({ ...base, elements: [element(4)] }), 'reference_images must have 1 to 3'],
    ['an element of another type', () => ({ ...base, elements: [{ ...element(), type: 'video' }] }), "type must be 'image'"],
    ['invalid base64', { ...base, first_frame: 'not base64!!' }, 'first_frame is not valid base64'],
    ['base64 that is not an image', { ...base, first_frame: Buffer.from('hello world, plain text').toString('base64') }, 'not a JPEG or PNG'],
    ['a GIF data URI', () => ({ ...base, first_frame: `data:image/gif;base64,${png}` }), 'is not image/png or image/jpeg'],
    ['a frame that is a number', { ...base, first_frame: 7 }, 'first_frame must be a string'],
  ])('rejects %s', async (_name, body, expected) => {
    const before = fake.createdTaskIds().length
    const { status, json } = await post(typeof body === 'function' ? body() : body)
    expect(status).toBe(400)
    expect(json.detail).toContain(expected)
    expect(fake.createdTaskIds()).toHaveLength(before)
  })

  it('rejects a body that is not JSON', async () => {
    expect(await post('{"prompt": ')).toMatchObject({ status: 400, json: { detail: 'Request body is not valid JSON' } })
  })

  it('rejects a body sent without the JSON content type', async () => {
    expect(await post(base, { 'Content-Type': 'text/plain' })).toMatchObject({ status: 400, json: { detail: expect.stringContaining('Content-Type') } })
  })
})

describe('the fake checks the bearer key', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { Authorization: 'Bearer sk-nope' }],
    ['a key without Bearer', { Authorization: DEFAULT_FAKE_KEY }],
  ])('answers 401 to %s and records it without the key', async (_name, headers) => {
    const response = await fetch(`${fake.url}${FAKE_SUBMIT_PATH}/anything`, { headers })
    expect(response.status).toBe(401)
    const record = fake.requests.at(-1)
    expect(record?.auth === 'missing' || record?.auth === 'rejected').toBe(true)
    expect(JSON.stringify(record)).not.toContain('sk-nope')
  })

  it('records the accepted key as a check, never as text', async () => {
    await post(base)
    const record = fake.requests.at(-1)
    expect(record?.auth).toBe('accepted')
    expect(record?.headers.authorization).toBe('[redacted]')
    expect(record?.bearerIs(DEFAULT_FAKE_KEY)).toBe(true)
    expect(record?.bearerIs('sk-other')).toBe(false)
  })
})
