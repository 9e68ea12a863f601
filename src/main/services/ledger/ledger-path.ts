import path from 'node:path'

/** The one spend ledger of this computer's Omniboard (app and CLI alike), in the user data folder. */
export const ledgerPath = (userDataDir: string): string => path.join(userDataDir, 'spend-ledger.jsonl')
