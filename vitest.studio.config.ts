import { defineConfig } from 'vitest/config'

// The Studio's components in Debian's Chromium (a Vite-built test page, no Studio build needed).
export default defineConfig({
  test: {
    include: ['tests/studio/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
})
