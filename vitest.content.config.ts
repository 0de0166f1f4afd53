import { defineConfig } from 'vitest/config'

// Sanity's own CLI validating the schema and the bundled dataset (slow: ~1 min).
export default defineConfig({
  test: {
    include: ['tests/content/**/*.test.ts'],
    testTimeout: 240_000,
    fileParallelism: false,
  },
})
