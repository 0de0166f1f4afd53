/**
 * The fast path of a publish (issue 25, docs/publish-latency.md): when only content changed, the next release
 * is the live one hard-linked file by file, with only the outputs whose content key changed (and those without
 * a key: lists, home, feeds, map data) rendered again through the live release's kept prerender bundle
 * (site/integrations/keep-renderer.mjs), instead of an `astro build`. The search index is not rebuilt here:
 * the release keeps the live one's.
 *
 * It declines, and the publish builds as before, whenever it cannot give what a clean build would: no live
 * release or no kept bundle (first publish, an older release), the code changed since the live release was
 * built, the content names an image the bundle does not know, or anything fails. LAOMO_FAST_PUBLISH=0 turns
 * it off.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import { codeStamp } from '../../site/integrations/keep-renderer.mjs'
import { buildRelease, contentWarnings, type BuildResult } from './build.ts'
import type { Releases } from './releases.ts'
import type { RenderJob, RenderOutcome } from './render-worker.ts'

const NOT_LINKED = new Set(['release.json'])

/** Recreates `from` under `to` with hard links (no bytes copied). Returns the files linked. */
export function linkTree(from: string, to: string, top = true): number {
  let files = 0
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (top && NOT_LINKED.has(entry.name)) continue
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) files += linkTree(source, target, false)
    else if (entry.isFile()) {
      linkSync(source, target)
      files++
    }
  }
  return files
}

const children = new Set<ChildProcess>()
/** Stops the sync or render in progress (the service is stopping), as build.ts stopBuilds() does for builds. */
export function stopFastPath() {
  for (const child of children) child.kill('SIGTERM')
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; out: string; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    const out: Buffer[] = []
    const log: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => (out.push(c), log.push(c)))
    child.stderr.on('data', (c: Buffer) => log.push(c))
    child.on('error', (error) => resolve({ code: -1, out: '', log: String(error) }))
    child.on('close', (code) => {
      children.delete(child)
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8')
      resolve({ code: code ?? -1, out: text(out), log: text(log) })
    })
  })
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null)

export type FastResult = BuildResult & { declined?: string; timings?: Record<string, number> }

/** Makes `outDir` the next release from `liveDir` and the current content, or says why it cannot. */
export async function fastRelease(
  repo: string,
  liveDir: string,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FastResult> {
  const decline = (declined: string, log = ''): FastResult => ({ ok: false, declined, warnings: [], log })
  const kept = path.join(liveDir, 'prerender')
  const built = read(path.join(kept, 'build.json'))
  if (!built || !existsSync(path.join(kept, 'paths.json'))) return decline('the live release has no kept renderer')
  const t0 = performance.now()
  const code = codeStamp(repo)
  if (!code || code !== (JSON.parse(built) as { code?: string }).code) return decline('the code changed')
  // The new content's data store, as a build's first step writes it (content loaders, in `cacheDir`).
  const t1 = performance.now()
  const sync = await run([path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'sync'], env, repo)
  const warnings = contentWarnings(sync.log)
  if (sync.code !== 0) return decline(`astro sync failed (${sync.code})`, sync.log)
  if (read(path.join(repo, '.astro/content-assets.mjs')) !== read(path.join(kept, 'content-assets.mjs')))
    return decline('the content names images the live release does not have', sync.log)
  const t2 = performance.now()
  const linked = linkTree(liveDir, outDir)
  const t3 = performance.now()
  const cacheDir = path.resolve(repo, env.LAOMO_CACHE_DIR || 'node_modules/.astro')
  const job: RenderJob = { repo, liveDir, outDir }
  const worker = await run(
    [path.join(repo, 'server/publish/render-worker.ts'), JSON.stringify(job)],
    { ...env, LAOMO_RENDER_DATA_STORE: path.join(cacheDir, 'data-store.json') },
    repo,
  )
  const log = `${sync.log}\n${worker.log}`
  if (worker.code !== 0) return decline(`the renderer failed (${worker.code})`, log)
  const outcome = JSON.parse(worker.out.trim().split('\n').at(-1)!) as RenderOutcome
  if (outcome.missingImages.length > 0) return decline(`new images: ${outcome.missingImages.join(', ')}`, log)
  // The server bundle (booking endpoint) reads its content from here (keep-renderer.mjs): a new file, renamed
  // over the link to the live release's, if it had one.
  const shipped = path.join(outDir, 'server/data-store.json')
  copyFileSync(path.join(cacheDir, 'data-store.json'), `${shipped}.tmp`)
  renameSync(`${shipped}.tmp`, shipped)
  const t4 = performance.now()
  return {
    ok: true,
    warnings,
    log,
    outputs: { rendered: outcome.rendered, restored: outcome.unchanged },
    timings: { check: t1 - t0, sync: t2 - t1, link: t3 - t2, worker: t4 - t3, linked, ...outcome.ms },
  }
}

/**
 * The publisher's build step: the fast path when it can, the full build otherwise. `outDir` is the empty
 * build folder (releases.ts); a declined fast path leaves it as it found it.
 */
export function buildWithFastPath(repo: string, releases: Releases, log: (line: string) => void = console.log) {
  return async (outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<BuildResult> => {
    const live = releases.current()
    if (env.LAOMO_FAST_PUBLISH !== '0' && live) {
      let result: FastResult
      try {
        result = await fastRelease(repo, releases.dirOf(live), outDir, env)
      } catch (error) {
        result = { ok: false, declined: String(error), warnings: [], log: '' }
      }
      if (result.ok) {
        const ms = Object.entries(result.timings ?? {}).map(([k, v]) => `${k} ${Math.round(v)}`)
        log(`fast path: ${ms.join(', ')}`)
        return result
      }
      log(`fast path declined (${result.declined}): full build`)
      releases.clearBuild()
    }
    return buildRelease(repo, outDir, env)
  }
}
