import { invoke } from '../../ipc/client'
import { useStore } from '../../store/store'

/** Sets the open project's cap in main; the refusal in words, or null once it is saved. */
export async function saveProjectCap(capUsd: number | null): Promise<string | null> {
  const result = await invoke('budget:setProjectCap', { capUsd })
  if (!result.ok) return `${result.error.message} ${result.error.hint}`
  useStore.getState().setProjectCapLocal(result.value.capUsd)
  return null
}
