import type { UserQuestions } from './services/user-questions'

/**
 * Questions the main process asks the user natively: those its services ask, and the shell's own pickers. Electron
 * implements them with its dialogs (index.ts), the browser harness and the tests with scripted answers.
 */
export type Dialogs = UserQuestions & {
  chooseProjectFolder(): Promise<string | null>
  chooseImages(): Promise<string[]>
  /** Sound files for the lanes; absent where no one can answer (the tests), which chooses nothing. */
  chooseAudio?(): Promise<string[]>
}
