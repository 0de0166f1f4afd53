/**
 * One release build, as `npm run build` does it but into the given folder: `astro build` (the content-only
 * build when only content changed, with the cache kept in node_modules/.astro between builds) and then the
 * search index (or, for the publish service, the index on its own after the switch: indexRelease). The publish service always passes the same folder (releases.ts), so Astro's incremental
 * build restores every page whose content key did not change instead of rendering it again. Each step runs
 * in its own process, so a crash or a runaway build never takes the service down with it, and a build can
 * be stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { ASTRO_NODE_FLAGS } from '../../scripts/astro-heap.ts'
import { placeBundle } from '../../scripts/search-index.ts'
import type { ReleaseChanges } from './releases.ts'

export interface BuildResult {
  ok: boolean
  /** Why it failed, for a person: the exit and the log's last lines. */
  reason?: string
  /** Named content problems (the loaders' warnings): document, field and what was done. */
  warnings: string[]
  log: string
  /** Outputs Astro rendered, and those it restored from its incremental cache (from its log). */
  outputs?: OutputCounts
  /** A fast publish's change set against the live release (releases.ts). */
  changes?: ReleaseChanges
}

export interface OutputCounts {
  rendered: number
  restored: number
}

const ANSI = /\x1b\[[0-9;]*m/g

/** The content loaders' warnings in an Astro log ("12:00:01 [WARN] [talks] talk t-1: field …"); not Vite's. */
export function contentWarnings(log: string): string[] {
  const warnings: string[] = []
  for (const line of log.replace(ANSI, '').split('\n')) {
    const match = /\[WARN\] \[([^\]]+)\] (.*)$/.exec(line)
    if (match && match[1] !== 'vite' && !warnings.includes(match[2]!)) warnings.push(match[2]!)
  }
  return warnings
}

/**
 * Counts the outputs in Astro's log of static routes: each starts as "├─ /path/index.html" and ends with
 * its render time, or with "(restored)" when the incremental build copied it from its cache. Pages render
 * concurrently, so several starts can share a line: count marks, not lines.
 */
export function outputCounts(log: string): OutputCounts {
  const text = log.replace(ANSI, '')
  const outputs = text.match(/├─ \//g)?.length ?? 0
  const restored = text.match(/\((?:restored|cached)\)/g)?.length ?? 0
  return { rendered: outputs - restored, restored }
}

const children = new Set<ChildProcess>()
/** Stops the build in progress (the service is stopping; its unsealed folder is removed at the next start). */
export function stopBuilds() {
  for (const child of children) child.kill('SIGTERM')
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    const chunks: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => chunks.push(c))
    child.on('error', (error) => resolve({ code: -1, log: String(error) }))
    child.on('close', (code, signal) => {
      children.delete(child)
      resolve({
        code: code ?? -1,
        log: Buffer.concat(chunks).toString('utf8') + (signal ? `\nkilled by ${signal}` : ''),
      })
    })
  })
}

const tail = (log: string, lines = 8) => log.replace(ANSI, '').trim().split('\n').slice(-lines).join('\n')

export async function buildRelease(
  repo: string,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
  { searchIndex = true }: { searchIndex?: boolean } = {},
): Promise<BuildResult> {
  const buildEnv = { ...env, LAOMO_OUT_DIR: outDir }
  const astro = await run(
    process.execPath,
    [...ASTRO_NODE_FLAGS, path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'],
    buildEnv,
    repo,
  )
  const warnings = contentWarnings(astro.log)
  if (astro.code !== 0)
    return {
      ok: false,
      reason: `astro build 失败（退出码 ${astro.code}）：\n${tail(astro.log)}`,
      warnings,
      log: astro.log,
    }
  const outputs = outputCounts(astro.log)
  if (!searchIndex) return { ok: true, warnings, log: astro.log, outputs }
  const search = await indexRelease(repo, outDir, env)
  const log = `${astro.log}\n${search.log}`
  return search.ok ? { ok: true, warnings, log, outputs } : { ...search, warnings, log }
}

export interface IndexResult {
  ok: boolean
  reason?: string
  log: string
}

/**
 * The search index of a built release, in its own process (`scripts/search-index.ts`). It may run on the
 * live release: the indexer replaces the index there file by file, in an order a searching reader can follow.
 */
export async function indexRelease(
  repo: string,
  releaseDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IndexResult> {
  const cacheDir = path.resolve(repo, env.LAOMO_CACHE_DIR || 'node_modules/.astro')
  const search = await run(
    process.execPath,
    [path.join(repo, 'scripts/search-index.ts'), releaseDir, cacheDir],
    { ...env, LAOMO_OUT_DIR: releaseDir },
    repo,
  )
  return search.code === 0
    ? { ok: true, log: search.log }
    : { ok: false, reason: `搜索索引生成失败（退出码 ${search.code}）：\n${tail(search.log)}`, log: search.log }
}

/**
 * Gives a new build the live release's search index (hard links), to serve until its own is built after the
 * switch; false when the live release has none.
 */
export function carrySearchIndex(liveDir: string, buildDir: string): boolean {
  const from = path.join(liveDir, 'client/pagefind')
  if (!existsSync(path.join(from, 'pagefind-entry.json'))) return false
  const to = path.join(buildDir, 'client/pagefind')
  // The fast path's linked copy of the live release has it already (at 50× ~13,000 files): the indexer
  // replaces files by rename and removes by unlink, so files shared with the live release stay as they are.
  if (sameFile(path.join(from, 'pagefind-entry.json'), path.join(to, 'pagefind-entry.json'))) return true
  placeBundle(from, to)
  return true
}

function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })]
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino
}
