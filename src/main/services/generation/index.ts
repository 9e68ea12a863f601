export { createGenerationEngine } from './engine'
export {
  defaultTiming,
  systemClock,
  type Clock,
  type Emit,
  type EngineEvent,
  type GenerationDeps,
  type GenerationEngine,
  type GenerationTiming,
} from './engine-deps'
export { newTakeId, partialFileName, takeVideoFileName } from './take-naming'
export { estimatedRenderMs } from './progress'
