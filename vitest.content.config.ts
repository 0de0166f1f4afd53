import { defineConfig } from 'vitest/config'

// Slow checks (~1.5 min): Sanity's own CLI validating the schema and the bundled dataset, and whole builds
// (from broken content; a content-only rebuild with the previous build's cache).
export default defineConfig({
  test: {
    include: ['tests/content/**/*.test.ts'],
    testTimeout: 240_000,
    fileParallelism: false,
  },
})
