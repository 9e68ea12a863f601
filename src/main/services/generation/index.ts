export { createGenerationEngine } from './engine'
export type { Clock, GenerationEngine, GenerationTiming } from './engine-deps'
