import { getViteConfig } from 'astro/config'

// Unit tests sit beside the code (`*.test.ts`); browser tests have their own config.
export default getViteConfig({
  test: {
    include: [
      'site/**/*.test.ts',
      'domain/**/*.test.ts',
      'studio/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
      'tests/sanity-api/**/*.test.ts',
    ],
    testTimeout: 60_000,
  },
})
