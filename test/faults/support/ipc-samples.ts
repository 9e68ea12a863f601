import fc from 'fast-check'
import type { ChannelName } from '../../../src/shared/ipc/contract'

/**
 * One valid request per channel, the seed that near-miss mutations start from. Channels that take `{}` need no
 * entry; a new channel with a payload fails the "valid sample" test until it gets one here.
 */
export const sampleFor = (channel: ChannelName): Record<string, unknown> => validSamples[channel] ?? {}

const validSamples: Partial<Record<ChannelName, Record<string, unknown>>> = {
  'app:info': {},
  'app:openExternal': { url: 'https://mulerouter.ai/pricing' },
  'app:windowState': { projectOpen: true, hasClips: true, canUndo: false, canRedo: false, queuePaused: false, selectedClipId: 'clip1' },
  'project:create': { name: 'Harbour film', parentDir: '/tmp/omniboard-never-created' },
  'project:open': { path: '/tmp/omniboard-never-created/Film.omniboard' },
  'project:openSample': {},
  'project:chooseToOpen': {},
  'project:chooseImages': {},
  'project:close': {},
  'project:read': {},
  'project:edit': { ops: [{ type: 'updateClip', clipId: 'clip-1', patch: { prompt: 'A kite over the sea', duration: 5 } }] },
  'project:saveNow': {},
  'project:recent': {},
  'project:forgetRecent': { path: '/tmp/omniboard-never-created/Film.omniboard' },
  'project:reveal': {},
  'assets:importFiles': { paths: ['/tmp/omniboard-never-created/photo.png'] },
  'assets:importBytes': { name: 'pasted.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  'assets:importUrl': { url: 'https://example.com/harbour.webp' },
  'assets:crop': { assetId: 'a'.repeat(64), crop: { x: 0, y: 0, width: 300, height: 300 } },
  'project:chooseAudio': {},
  'audio:importFiles': { paths: ['/tmp/omniboard-never-created/score.mp3'] },
  'audio:importBytes': { name: 'score.wav', bytes: new Uint8Array([0x52, 0x49, 0x46, 0x46]) },
  'audio:peaks': { audioId: 'a'.repeat(64) },
  'generation:start': { clipId: 'clip-1', actionId: 'press-1' },
  'queue:plan': { clipIds: ['clip-1'], takesPerClip: 1 },
  'queue:add': { clipIds: ['clip-1', 'clip-2'], takesPerClip: 2, actionId: 'press-2' },
  'queue:reorder': { takeIds: ['take-1'] },
  'queue:setPaused': { paused: true },
  'queue:state': {},
  'budget:setProjectCap': { capUsd: 20 },
  'generation:resolveUnknown': { takeId: 'take-1', action: 'dismiss' },
  'generation:cancel': { takeId: 'take-1' },
  'takes:trash': { takeId: 'take-1' },
  'frames:grab': { takeId: 'take-1', index: 0, at: { kind: 'last' } },
  'library:list': {},
  'library:save': { elementId: 'element-1' },
  'library:remove': { characterId: 'character-1' },
  'library:insert': { characterId: 'character-1' },
  'generation:checkAgain': { takeId: 'take-1' },
  'settings:get': {},
  'settings:update': { patch: { maxConcurrentJobs: 2, imageEncoding: 'raw' } },
  'settings:setApiKey': { key: 'sk-valid-looking-key-123', allowInsecureStorage: false },
  'settings:clearApiKey': {},
  'settings:testApiKey': {},
  'export:handoff': { format: 'otio' },
  'export:showInFolder': { path: '/tmp/omniboard-never-created/Film.omniboard/exports/Film.otio' },
  'import:shotList': { text: 'Clip,Title,Prompt\r\n1,Dawn,A kite over the sea\r\n' },
  'script:read': { name: 'Lighthouse.fountain', size: 31, bytes: new TextEncoder().encode('INT. LIGHTHOUSE - NIGHT\n\nRain.\n') },
  'film:export': { includeAnimatic: true },
  'generation:edit': {
    clipId: 'clip-1',
    source: { kind: 'take', takeId: 'take-1' },
    instruction: 'Add falling snow to <<<video_1>>>',
    negativePrompt: '',
    keepOriginalSound: true,
    mode: 'pro',
    referenceImageIds: ['a'.repeat(64)],
    elementIds: ['element-1'],
    actionId: 'press-3',
  },
  'generation:planEdit': {
    clipId: 'clip-1',
    source: { kind: 'url', url: 'https://example.com/harbour.mp4' },
    instruction: 'Same shot at night',
    negativePrompt: 'blur',
    keepOriginalSound: false,
    mode: 'std',
    referenceImageIds: [],
    elementIds: [],
  },
  'video:checkUrl': { url: 'https://example.com/harbour.mp4' },
  'takes:videoFacts': { takeId: 'take-1' },
}

/** Values of the wrong kind, and of the right kind but far out of range. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', '..', '../../etc/passwd', '__proto__'),
  fc.constantFrom('x'.repeat(5000), 'é'.repeat(70_000), [], {}, [[[[[]]]]], new Date(0), new Map([['a', 1]]), new Set([1])),
  fc.integer(),
  fc.string(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
)

type Json = Record<string, unknown>

/** Walks to a random nested object of a payload (ops[0], patch, …) so a mutation can land deep inside. */
function objectsIn(value: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((item) => objectsIn(item, found))
  else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    found.push(value as Json)
    Object.values(value).forEach((item) => objectsIn(item, found))
  }
  return found
}

function cloneSample(sample: Json): Json {
  return structuredClone(sample)
}

/** Small edits of a valid payload: the kind of slip a buggy renderer or a tampered one would make. */
export function nearMiss(sample: Json): fc.Arbitrary<unknown> {
  const mutate = (edit: (target: Json, key: string | undefined) => void) =>
    fc.tuple(fc.nat(), fc.nat()).map(([which, keyIndex]) => {
      const copy = cloneSample(sample)
      const targets = objectsIn(copy)
      const target = targets[which % targets.length]!
      const keys = Object.keys(target)
      edit(target, keys.length === 0 ? undefined : keys[keyIndex % keys.length])
      return copy
    })
  return fc.oneof(
    // A field of the wrong type or size.
    fc.tuple(wrongValue).chain(([value]) => mutate((target, key) => void (target[key ?? 'payload'] = value))),
    // A required field left out.
    mutate((target, key) => void (key === undefined ? (target['unexpected'] = 1) : delete target[key])),
    // An extra field the contract does not know, including prototype tricks.
    fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'then', 'toJSON'), wrongValue).chain(([name, value]) =>
      mutate((target) => void Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true })),
    ),
    // The whole payload wrapped, stringified or replaced by a scalar.
    fc.constantFrom([sample], JSON.stringify(sample), 42, 'payload', true),
    // Bytes as a plain array or a string, as a wrong serializer would send them.
    fc.constant(sample['bytes'] ? { ...sample, bytes: Array.from(sample['bytes'] as Uint8Array) } : { ...sample, bytes: 'AAAA' }),
    // Lists past their limits.
    fc.constant({ ...sample, ops: Array.from({ length: 501 }, () => ({ type: 'renameProject', name: 'x' })), paths: Array.from({ length: 201 }, () => '/x') }),
  )
}

/** Anything at all, as a fuzzer or a compromised page could send. */
export const anyPayload: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
})
