export { startFakeMuleRouter, DEFAULT_FAKE_KEY, FAKE_SUBMIT_PATH, type FakeMuleRouter, type FakeMuleRouterOptions } from './server'
export { allChaosKinds, seededRandom } from './faults'
export type { RecordedRequest } from './recorder'
export { contentRefusalError } from './tasks'
