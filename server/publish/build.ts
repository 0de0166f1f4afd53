/**
 * One release build, as `npm run build` does it but into the given folder: `astro build` (the content-only
 * build when only content changed, with the cache kept in node_modules/.astro between builds) and then the
 * search index. The publish service always passes the same folder (releases.ts), so Astro's incremental
 * build restores every page whose content key did not change instead of rendering it again. Each step runs
 * in its own process, so a crash or a runaway build never takes the service down with it, and a build can
 * be stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface BuildResult {
  ok: boolean
  /** Why it failed, for a person: the exit and the log's last lines. */
  reason?: string
  /** Named content problems (the loaders' warnings): document, field and what was done. */
  warnings: string[]
  log: string
  /** Outputs Astro rendered, and those it restored from its incremental cache (from its log). */
  outputs?: OutputCounts
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
): Promise<BuildResult> {
  const buildEnv = { ...env, LAOMO_OUT_DIR: outDir }
  const astro = await run(
    process.execPath,
    [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'],
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
  const cacheDir = path.resolve(repo, env.LAOMO_CACHE_DIR || 'node_modules/.astro')
  const search = await run(
    process.execPath,
    [path.join(repo, 'scripts/search-index.ts'), outDir, cacheDir],
    buildEnv,
    repo,
  )
  const log = `${astro.log}\n${search.log}`
  if (search.code !== 0)
    return { ok: false, reason: `搜索索引生成失败（退出码 ${search.code}）：\n${tail(search.log)}`, warnings, log }
  return { ok: true, warnings, log, outputs: outputCounts(astro.log) }
}
