/** What the user answers when a project with changes that could not be saved is about to close. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel'

/**
 * The questions services ask the user. They are handed an implementation: the shell's native dialogs
 * (`src/main/dialogs.ts`), the browser harness's and the tests' scripted answers.
 */
export type UserQuestions = {
  /** Closing or quitting while the project's latest changes could not be saved; `reason` says why. */
  askUnsavedChanges(question: { projectName: string; reason: string }): Promise<UnsavedChoice>
  /** Before the API key goes to an origin other than the one it was entered for; true re-binds it there. */
  confirmKeyOrigin(question: { keyOrigin: string; targetOrigin: string }): Promise<boolean>
  /**
   * Closing or quitting while takes are queued or running: 'close' keeps the queue in the project (it resumes on
   * the next open; what is at MuleRouter renders on and is fetched then), 'cancel' keeps the project open.
   */
  askQueueOnClose(question: { projectName: string; queued: number; running: number }): Promise<'close' | 'cancel'>
  /** Where to write an exported file; null when the user cancels. */
  chooseSavePath(question: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
}
