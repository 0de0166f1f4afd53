/**
 * The V8 heap cap of every Astro build process: `npm run build` (package.json, which starts Astro with these
 * flags too), the publish service's builds and the benchmark's.
 *
 * Left to itself, V8 sizes its heap from the machine's memory (about 4 GiB here) and lets a long build's
 * garbage pile up to it: at 200× the sample the Astro step's resident memory reached 2.9–3.0 GiB while the
 * live data after a collection was ~0.5–0.7 GiB (docs/performance.md). Capped, V8 collects sooner: the
 * step peaks at ~1.9 GiB for a few percent more time. A site far larger than 200× the sample that stops with
 * "JavaScript heap out of memory" needs this raised.
 */
export const ASTRO_HEAP_MB = 1536

export const ASTRO_NODE_FLAGS: readonly string[] = [`--max-old-space-size=${ASTRO_HEAP_MB}`]
