import { defineConfig } from 'vitest/config'

// The booking endpoint under load, SIGKILL, hostile input and slow clients, straight to the server and through
// nginx; run after `npm run build`. One file at a time: each measures latencies that a neighbour would skew.
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})
