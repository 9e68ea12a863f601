import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,main,fake-mulerouter,cli,faults,security,desktop-standin,architecture}/**/*.test.ts'],
          // The desktop stand-in tests run the built out/main/index.js: rebuilt first when the sources are newer.
          globalSetup: ['test/desktop-standin/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // A component test takes about a second; on a loaded 2-core CI machine jsdom rendering can take several.
          testTimeout: 20_000,
        },
      },
    ],
  },
})
