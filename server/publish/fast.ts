/**
 * The fast path of a publish (issue 25, docs/publish-latency.md): when only content changed, the next release
 * is the live one hard-linked file by file (by the renderer, while it renders), with only the outputs whose content key changed (and those without
 * a key: lists, home, feeds, map data) rendered again through the live release's kept prerender bundle
 * (site/integrations/keep-renderer.mjs), instead of an `astro build`. The search index is not rebuilt here:
 * the release goes live with the live one's, and the publisher indexes it right after the switch, as it does
 * a full publish's (publisher.ts: searchIndex pending → current).
 *
 * It declines, and the publish builds as before, whenever it cannot give what a clean build would: no live
 * release or no kept bundle (first publish, an older release), the code changed since the live release was
 * built, the content names an image the bundle does not know, or anything fails. LAOMO_FAST_PUBLISH=0 turns
 * it off.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import { codeStamp } from '../../site/integrations/keep-renderer.mjs'
import { buildRelease, contentWarnings, type BuildResult } from './build.ts'
import type { Releases } from './releases.ts'
import { RESULT_MARK, type RenderJob, type RenderOutcome } from './render-worker.ts'

interface Warm {
  child: ChildProcess
  /** The code stamp and environment it was started with: either changed, a new process. */
  key: string
  /** The kept bundle it imported: once that release is pruned, a new process. */
  keptDir: string
  /** Output since the current job was sent, and who waits for the job's result. */
  out: string
  waiting?: (outcome: RenderOutcome) => void
}
let warm: Warm | undefined

/** Stops the warm renderer (the service is stopping), as build.ts stopBuilds() does for builds. */
export function stopFastPath() {
  warm?.child.kill('SIGTERM')
  warm = undefined
}

/** The pid of the warm renderer, if one runs (tests check that publishes share it). */
export const warmRendererPid = () => warm?.child.pid

function startWarm(repo: string, env: NodeJS.ProcessEnv, key: string, keptDir: string): Warm {
  const child = spawn(process.execPath, [path.join(repo, 'server/publish/render-worker.ts')], {
    cwd: repo,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const self: Warm = { child, key, keptDir, out: '' }
  const answer = (outcome: RenderOutcome) => {
    const waiting = self.waiting
    self.waiting = undefined
    waiting?.(outcome)
  }
  const failed = (why: string) => {
    if (warm === self) warm = undefined
    answer({ declined: why, log: self.out } as RenderOutcome)
  }
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    self.out += text
    const at = self.out.indexOf(RESULT_MARK)
    const end = self.out.indexOf('\n', at)
    if (at < 0 || end < 0) return
    const outcome = JSON.parse(self.out.slice(at + RESULT_MARK.length, end)) as RenderOutcome
    self.out = self.out.slice(end + 1)
    answer(outcome)
  })
  // The job's log comes in its outcome (the worker captures it); this is kept for a crash.
  child.stderr.setEncoding('utf8').on('data', (text: string) => (self.out += text))
  child.on('error', (error) => failed(`the renderer did not start: ${String(error)}`))
  child.on('exit', (code, signal) => failed(`the renderer stopped (${code ?? signal})`))
  return self
}

/** Sends one job to the warm renderer, starting one when there is none or it no longer fits. */
function renderWarm(repo: string, env: NodeJS.ProcessEnv, code: string, job: RenderJob): Promise<RenderOutcome> {
  const key = JSON.stringify([code, Object.entries(env).sort(([a], [b]) => a.localeCompare(b))])
  if (warm && (warm.key !== key || !existsSync(warm.keptDir))) stopFastPath()
  warm ??= startWarm(repo, env, key, path.join(job.liveDir, 'prerender'))
  const self = warm
  return new Promise((resolve) => {
    self.waiting = resolve
    self.out = ''
    self.child.stdin!.write(`${JSON.stringify(job)}\n`)
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
  if (!(JSON.parse(built) as { dataStore?: string }).dataStore)
    return decline('the live release was built before the warm renderer')
  const t1 = performance.now()
  const cacheDir = path.resolve(repo, env.LAOMO_CACHE_DIR || 'node_modules/.astro')
  // The warm renderer syncs the content (loaders, into `cacheDir`, as a build's first step) and renders from it.
  const store = path.join(cacheDir, 'data-store.json')
  const outcome = await renderWarm(repo, { ...env, LAOMO_RENDER_DATA_STORE: store }, code, { repo, liveDir, outDir })
  const log = outcome.log
  if (outcome.declined) return decline(outcome.declined, log)
  if (outcome.missingImages.length > 0) return decline(`new images: ${outcome.missingImages.join(', ')}`, log)
  // The server bundle (booking endpoint) reads its content from here (keep-renderer.mjs): a new file, renamed
  // over the link to the live release's, if it had one.
  const shipped = path.join(outDir, 'server/data-store.json')
  copyFileSync(store, `${shipped}.tmp`)
  renameSync(`${shipped}.tmp`, shipped)
  const t2 = performance.now()
  return {
    ok: true,
    warnings: contentWarnings(log),
    log,
    outputs: { rendered: outcome.rendered, restored: outcome.unchanged },
    changes: { base: path.basename(liveDir), ...outcome.pages },
    timings: { check: t1 - t0, worker: t2 - t1, ...outcome.ms },
  }
}

type Build = (outDir: string, env: NodeJS.ProcessEnv) => Promise<BuildResult>

/**
 * The publisher's build step: the fast path when it can, `full` (by default a whole build with its search
 * index) otherwise. `outDir` is the empty build folder (releases.ts); a declined fast path leaves it as it
 * found it. Neither rebuilds the index when the publisher builds it after the switch (main.ts).
 */
export function buildWithFastPath(
  repo: string,
  releases: Releases,
  log: (line: string) => void = console.log,
  full: Build = (outDir, env) => buildRelease(repo, outDir, env),
) {
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
    return full(outDir, env)
  }
}
