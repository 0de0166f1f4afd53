/**
 * One Astro build, as `astro build` runs it, with the output and cache folders given on the
 * command line: benchmarks keep every build's cache apart (the default cache sits in the shared
 * node_modules) and can start from an empty one for a clean build.
 *
 *   node scripts/bench/astro-build.ts <root> <outDir> <cacheDir>
 */
import { build } from 'astro'

const [root, outDir, cacheDir] = process.argv.slice(2)
if (!root || !outDir || !cacheDir) {
  console.error('usage: astro-build.ts <root> <outDir> <cacheDir>')
  process.exit(2)
}
// Info level: the harness reads Astro's own phase timings (sync, bundle, render, images) from it.
await build({ root, outDir, cacheDir, logLevel: 'info' })
// Some integrations keep handles open after a build; the benchmark times the build, not their teardown.
process.exit(0)
