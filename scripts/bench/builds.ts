/** Site and reference builds, each timed with its peak memory. */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parsePhases, type Phases } from './phases.ts'
import { measure, type Measured } from './proc.ts'
import { staticDirOf } from '../static-dir.ts'
import { ASTRO_NODE_FLAGS } from '../astro-heap.ts'

export const REPO = path.resolve(import.meta.dirname, '../..')
const RUNNER = path.join(import.meta.dirname, 'astro-build.ts')
// The second step of `npm run build`: Pagefind's index, kept in the build's cacheDir between builds.
const SEARCH_INDEX = path.join(REPO, 'scripts/search-index.ts')

export interface BuildResult extends Measured {
  outDir: string
  pages: number
  phases: Phases
  /** Peak memory of each step (`peakRss` is the larger): which one sets a build's memory. */
  stepPeaks: { astro: number; search?: number }
}

export function countPages(dir: string): number {
  if (!existsSync(dir)) return 0
  let n = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.html')) n++
  return n
}

export interface BuildOptions {
  root?: string
  outDir: string
  cacheDir: string
  /** Remove the cache first: a clean build. Otherwise the previous build's cache is reused. */
  clean: boolean
  env?: Record<string, string>
  logFile?: string
  /** Then build the search index, as `npm run build` does (the site's builds; not the reference). */
  searchIndex?: boolean
}

export async function astroBuild(options: BuildOptions): Promise<BuildResult> {
  rmSync(options.outDir, { recursive: true, force: true })
  if (options.clean) rmSync(options.cacheDir, { recursive: true, force: true })
  // The reference (another root) is a bare Astro project: the site's heap cap is the site's setting.
  const flags = options.root ? [] : ASTRO_NODE_FLAGS
  const result = await measure(
    process.execPath,
    [...flags, RUNNER, options.root ?? REPO, options.outDir, options.cacheDir],
    {
      cwd: options.root ?? REPO,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1', ...options.env },
      logFile: options.logFile,
    },
  )
  if (result.code !== 0) throw new Error(`build failed (exit ${result.code}):\n${result.tail}`)
  const phases = parsePhases(result.output)
  if (phases.total !== undefined) phases.startup = Math.max(0, result.ms - phases.total)
  const pages = countPages(staticDirOf(options.outDir))
  if (!options.searchIndex)
    return { ...result, outDir: options.outDir, pages, phases, stepPeaks: { astro: result.peakRss } }
  // The second step of `npm run build`: its time adds up, its memory does not (Astro has exited).
  const search = await measure(process.execPath, [SEARCH_INDEX, options.outDir, options.cacheDir], {
    cwd: options.root ?? REPO,
    env: process.env,
  })
  if (search.code !== 0) throw new Error(`search index failed (exit ${search.code}):\n${search.tail}`)
  phases.search = search.ms
  return {
    ms: result.ms + search.ms,
    peakRss: Math.max(result.peakRss, search.peakRss),
    code: 0,
    tail: search.tail,
    output: result.output + search.output,
    outDir: options.outDir,
    pages,
    phases,
    stepPeaks: { astro: result.peakRss, search: search.peakRss },
  }
}

/**
 * The engine's floor: a throwaway Astro project with `pages` trivial pages from one dynamic route,
 * using this repo's node_modules (same Astro) through a symlink.
 */
export function writeReferenceProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true })
  symlinkSync(realpathSync(path.join(REPO, 'node_modules')), path.join(dir, 'node_modules'))
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-reference', type: 'module', private: true }),
  )
  writeFileSync(path.join(dir, 'astro.config.mjs'), `export default { build: { format: 'directory' } }\n`)
  writeFileSync(
    path.join(dir, 'src/pages/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }))
}
const { n } = Astro.params
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>页面 {n}</title></head><body><h1>页面 {n}</h1></body></html>
`,
  )
}
