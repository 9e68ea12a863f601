/**
 * Runs work while the machine is kept from sleeping; one blocker however many pieces of work overlap. The shell
 * makes it from Electron's power blocker (`desktop/stay-awake.ts`) and hands it to the services that need it.
 */
export type StayAwake = <T>(work: () => Promise<T>) => Promise<T>
