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
export { takeFileName } from './download-take'
export { estimatedRenderMs } from './progress'
