import { defineConfig } from 'vitest/config'

// Slow tests against the built site in Debian's Chromium (playwright-core); run after `astro build`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
})
