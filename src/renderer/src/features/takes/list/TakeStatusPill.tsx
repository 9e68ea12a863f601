import type { TakeStateView } from '../../../../../shared/domain/take-state'

/** A take's word from `takeStateOf`, in its tone. */
export function TakeStatusPill({ state }: { state: TakeStateView }) {
  return <span className={state.tone === 'neutral' ? 'pill' : `pill pill--${state.tone}`}>{state.word}</span>
}
