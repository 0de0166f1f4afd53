import { defineConfig } from 'vitest/config'

// The built site behind Debian's nginx (TLS, HTTP/2) in Node and Chromium; run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/deploy/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
