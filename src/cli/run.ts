import { main } from './main'

// `npm run cli -- <args>`: the CLI from source through tsx, for development; bin/omniboard.mjs runs the build.
await main()
