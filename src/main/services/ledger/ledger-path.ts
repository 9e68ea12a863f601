import path from 'node:path'

/** The spend ledger in the user data folder: one file for every project, the app and the CLI alike. */
export const ledgerPath = (userDataDir: string): string => path.join(userDataDir, 'spend-ledger.jsonl')
