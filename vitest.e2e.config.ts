import { defineConfig } from 'vitest/config'

/** Browser E2E specs: the production build in Chromium, wired to the real main-process handlers. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
