/**
 * The publish service's warm renderer: one long-lived process (fast.ts starts it on the first fast publish and
 * keeps it) that syncs the content and renders each content-only publish. Kept warm between publishes:
 * - Astro's content layer: set up as Astro's `sync()` does (config, integrations, content config, loaders) on the
 *   first job, then only the loaders per job (they write the data store and the image imports as
 *   `astro sync` would): see `syncContent`.
 * - The live release's kept prerender bundle, imported once; `reload()` refills its data store in place.
 * A crash or a code change ends the process and the next publish starts a new one; a crash cannot take the
 * service down.
 *
 * Protocol: one JSON `RenderJob` per line on stdin; per job one line `RESULT_MARK` + JSON `RenderOutcome` on
 * stdout, carrying what the job logged (Astro's warnings name the broken documents and fields).
 *
 * A job makes the release folder `outDir` a hard-linked copy of the live one (`cp -al`, in the kernel, while the
 * job syncs and renders), then writes the outputs whose content key changed or that have none (lists, home,
 * feeds, map data), removes the outputs the content no longer has, and rewrites the sitemap when the set of
 * pages changed; each file is written beside its link and renamed over it, so the live release's file (the same
 * inode) keeps its bytes.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createInterface } from 'node:readline'
import { RELEASE_MARK } from './releases.ts'
import { imagesNamed, loadRenderer, outputFile, type Renderer, type StaticPath } from './renderer.ts'

export interface RenderJob {
  repo: string
  /** The live release (its kept bundle renders, its paths.json says what it had). */
  liveDir: string
  /** The linked copy being made into the next release. */
  outDir: string
}

export const RESULT_MARK = '@@laomo-render '

export interface RenderOutcome {
  /** Why the fast path cannot do this publish (a full build must). */
  declined?: string
  /** What Astro and the pages logged during the job. */
  log: string
  rendered: number
  removed: number
  unchanged: number
  /** The pages written and removed (HTML files, relative to the client folder). */
  pages: { written: string[]; removed: string[] }
  /** Images the pages name that the live release lacks: the caller must build instead. */
  missingImages: string[]
  /** `link`: the copy of the live release, made while sync, load, paths and render ran. */
  ms: { sync: number; load: number; paths: number; render: number; link: number; write: number }
}

interface KeptPath {
  pathname: string
  type: string
  cacheKey?: string
}

/** Only a path inside the release, never `..`: the names come from content (slugs). */
function inside(dir: string, relative: string): string {
  const full = path.resolve(dir, relative)
  if (!full.startsWith(path.resolve(dir) + path.sep)) throw new Error(`not inside the release: ${relative}`)
  return full
}

/**
 * Makes the empty folder `to` a copy of release `from` in hard links (no bytes copied), but its seal mark. `cp -al`
 * links in the kernel (at 50× the sample ~35,000 files, ~1.4 s of system time): a job starts it first and
 * renders meanwhile. Resolves with the milliseconds it took.
 */
export function linkRelease(from: string, to: string): Promise<number> {
  const started = performance.now()
  mkdirSync(to, { recursive: true })
  return new Promise((resolve, reject) => {
    const cp = spawn('cp', ['-al', '--', `${from}/.`, to], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    cp.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    cp.on('error', reject)
    cp.on('close', (code) => {
      if (code !== 0) return reject(new Error(`cp -al ${from} ${to}: exit ${code} ${stderr.trim()}`))
      rmSync(path.join(to, RELEASE_MARK), { force: true })
      resolve(performance.now() - started)
    })
  })
}

export function replaceFile(dir: string, relative: string, body: Uint8Array) {
  const target = inside(dir, relative)
  mkdirSync(path.dirname(target), { recursive: true })
  const temporary = `${target}.render-${process.pid}`
  writeFileSync(temporary, body)
  renameSync(temporary, target)
}

export function removeFile(dir: string, relative: string) {
  const target = inside(dir, relative)
  rmSync(target, { force: true })
  // A page is a folder with its index.html: drop folders left empty, up to client/.
  for (let folder = path.dirname(target); folder !== path.join(dir, 'client'); folder = path.dirname(folder)) {
    if (!existsSync(folder) || readdirSync(folder).length > 0) break
    rmdirSync(folder)
  }
}

/** The sitemap, by the site's own @astrojs/sitemap integration as configured in astro.config.mjs. */
async function writeSitemap(repo: string, outDir: string, pages: string[]) {
  // The integration writes its files in place: unlink the live release's first.
  const clientDir = path.join(outDir, 'client')
  for (const name of readdirSync(clientDir)) if (/^sitemap-.*\.xml$/.test(name)) rmSync(path.join(clientDir, name))
  const { default: config } = (await import(pathToFileURL(path.join(repo, 'astro.config.mjs')).href)) as {
    default: { site: string; integrations: { name: string; hooks: Record<string, (o: unknown) => unknown> }[] }
  }
  const client = pathToFileURL(path.join(outDir, 'client') + '/')
  const done = { site: config.site, base: '/', trailingSlash: 'ignore', build: { format: 'directory', client } }
  const logger = { info() {}, warn: (m: string) => console.error(m), error: (m: string) => console.error(m) }
  for (const name of ['laomo:old-addresses', '@astrojs/sitemap']) {
    const integration = config.integrations.find((i) => i.name === name)
    if (!integration) throw new Error(`astro.config.mjs has no ${name}`)
    // Every static page is in `pages`; the routes only add on-demand ones, which the sitemap filters out.
    await integration.hooks['astro:routes:resolved']?.({ routes: [] })
    await integration.hooks['astro:config:done']?.({ config: done })
    await integration.hooks['astro:build:done']?.({ dir: client, pages: pages.map((p) => ({ pathname: p })), logger })
  }
}

/** `linked`: the copy of the live release into `job.outDir` (linkRelease), awaited before anything is written. */
export async function runRenderJob(
  job: RenderJob,
  renderer: Renderer,
  linked: Promise<number>,
): Promise<Omit<RenderOutcome, 'log'>> {
  const t0 = performance.now()
  await renderer.reload()
  const kept = path.join(job.liveDir, 'prerender')
  const site = (JSON.parse(readFileSync(path.join(kept, 'build.json'), 'utf8')) as { site: string }).site
  const before = JSON.parse(readFileSync(path.join(kept, 'paths.json'), 'utf8')) as KeptPath[]
  const t1 = performance.now()
  const paths = await renderer.paths()
  const t2 = performance.now()
  const previousKey = new Map(before.map((p) => [p.pathname, p.cacheKey]))
  const todo = paths.filter((p) => p.cacheKey === undefined || previousKey.get(p.pathname) !== p.cacheKey)
  const files = new Map<string, Uint8Array>()
  const origin = new URL(site).origin
  for (const staticPath of todo) {
    const rendered = await renderer.render(staticPath, origin)
    if (rendered) files.set(rendered.file, rendered.body)
  }
  const t3 = performance.now()
  const missingImages = [...imagesNamed].filter((file) => !existsSync(path.join(job.liveDir, 'client', file)))
  const nowFiles = new Set(paths.map((p) => outputFile(p.pathname, p.route)))
  const gone = before.map((p) => outputFile(p.pathname, { type: p.type } as StaticPath['route']))
  const removed = gone.filter((file) => !nowFiles.has(file))
  const link = await linked
  const t4 = performance.now()
  if (missingImages.length === 0) {
    for (const [file, body] of files) replaceFile(job.outDir, file, body)
    for (const file of removed) removeFile(job.outDir, file)
    const pageNames = (list: { pathname: string; type: string }[]) =>
      list
        .filter((p) => p.type === 'page')
        .map((p) => p.pathname.replace(/\/?$/, '/').replace(/^\//, ''))
        .sort()
    const pagesNow = pageNames(paths.map((p) => ({ pathname: p.pathname, type: p.route.type })))
    if (pagesNow.join('\n') !== pageNames(before).join('\n')) await writeSitemap(job.repo, job.outDir, pagesNow)
    const next: KeptPath[] = paths.map((p) => ({ pathname: p.pathname, type: p.route.type, cacheKey: p.cacheKey }))
    replaceFile(job.outDir, 'prerender/paths.json', new TextEncoder().encode(JSON.stringify(next)))
  }
  const t5 = performance.now()
  const clientPages = (list: Iterable<string>) =>
    [...list].filter((f) => f.startsWith('client/') && f.endsWith('.html')).map((f) => f.slice('client/'.length))
  return {
    rendered: files.size,
    removed: removed.length,
    pages: { written: clientPages(files.keys()), removed: clientPages(removed) },
    unchanged: paths.length - todo.length,
    missingImages,
    ms: { sync: 0, load: t1 - t0, paths: t2 - t1, render: t3 - t2, link, write: t5 - t4 },
  }
}

type Loaded = Record<string, (...args: never[]) => unknown>
let content: { settings: unknown; logger: unknown; astro: (file: string) => Promise<Loaded> } | undefined
/**
 * Syncs the content as `astro sync` does. The first job does what Astro's `sync()` does (core/sync/index.js:
 * config, integrations' config hooks, then `syncInternal`: the temporary Vite server, the content config, the
 * loaders), keeping the settings and logger. Later jobs run only the loaders, in a content layer given a fresh
 * store read from the file the last one wrote: a store kept in memory debounces its image-import writes by
 * 500 ms once it has written them (`SAVE_DEBOUNCE_MS` in content/mutable-data-store.js, meant for `astro dev`),
 * and the sync waits for them. All of these are Astro internals (7.3.5), imported by file path.
 */
async function syncContent(repo: string) {
  if (!content) {
    const astro = (file: string) =>
      import(pathToFileURL(path.join(repo, 'node_modules/astro/dist', file)).href) as Promise<Loaded>
    const [{ ensureProcessNodeEnv }, { resolveConfig }, { loadOrCreateNodeLogger }, { createSettings }, hooks, sync] =
      await Promise.all(
        ['core/util.js', 'core/config/config.js', 'core/logger/load.js', 'core/config/settings.js']
          .concat(['integrations/hooks.js', 'core/sync/index.js'])
          .map(astro),
      )
    const call = <T>(fn: unknown, ...args: unknown[]) => (fn as (...a: unknown[]) => Promise<T>)(...args)
    await call(ensureProcessNodeEnv, 'production')
    const { astroConfig } = await call<{ astroConfig: unknown }>(resolveConfig!, { root: repo }, 'sync')
    const logger = await call(loadOrCreateNodeLogger, astroConfig, { root: repo })
    let settings = await call(createSettings, astroConfig, undefined, repo)
    settings = await call(hooks!.runHookConfigSetup, { command: 'sync', settings, logger })
    await call(hooks!.runHookConfigDone, { settings, logger })
    await call(sync!.syncInternal, { settings, logger, mode: 'production', command: 'sync' })
    content = { settings, logger, astro }
    return
  }
  const { settings, logger, astro } = content
  const [{ getDataStoreChunkSize, getDataStoreFile }, { MutableDataStore }, { globalContentLayer }] = await Promise.all(
    ['content/paths.js', 'content/mutable-data-store.js', 'content/instance.js'].map(astro),
  )
  if ((getDataStoreChunkSize as (s: unknown) => unknown)(settings) !== undefined)
    throw new Error('a chunked data store (experimental.collectionStorage) is not supported here')
  const file = (getDataStoreFile as (s: unknown, dev: boolean) => URL)(settings, false)
  const store = await (MutableDataStore as unknown as { fromFile(f: URL): Promise<unknown> }).fromFile(file)
  const layer = (globalContentLayer as unknown as { init(o: object): { sync(): Promise<void> } }).init({
    settings,
    logger,
    store,
  })
  await layer.sync()
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null)

let renderer: Renderer | undefined
async function handle(job: RenderJob): Promise<Omit<RenderOutcome, 'log'>> {
  const t0 = performance.now()
  const linked = linkRelease(job.liveDir, job.outDir)
  try {
    await syncContent(job.repo)
    const sync = performance.now() - t0
    const kept = path.join(job.liveDir, 'prerender')
    const none = { rendered: 0, removed: 0, unchanged: 0, missingImages: [], pages: { written: [], removed: [] } }
    // A new image is a new import the bundle cannot resolve.
    if (read(path.join(job.repo, '.astro/content-assets.mjs')) !== read(path.join(kept, 'content-assets.mjs')))
      return {
        ...none,
        declined: 'the content names images the live release does not have',
        ms: { sync, load: 0, paths: 0, render: 0, link: await linked, write: 0 },
      }
    renderer ??= await loadRenderer(job.repo, job.liveDir)
    const outcome = await runRenderJob(job, renderer, linked)
    return { ...outcome, ms: { ...outcome.ms, sync } }
  } finally {
    // Whatever happened, no copy is still writing once the service hears back (it clears the folder).
    await linked.catch(() => {})
  }
}

/** What the process writes while `run` runs, still written through. */
async function capturing<T>(run: () => Promise<T>): Promise<{ value: T; log: string }> {
  const chunks: string[] = []
  const streams = [process.stdout, process.stderr]
  const writes = streams.map((stream) => stream.write.bind(stream))
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return writes[i]!(chunk, ...rest)
    }) as typeof stream.write
  })
  try {
    return { value: await run(), log: chunks.join('') }
  } finally {
    streams.forEach((stream, i) => (stream.write = writes[i]! as typeof stream.write))
  }
}

if (import.meta.main) {
  // Jobs one at a time, in order (the publish queue sends one at a time anyway).
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue
    let failed = false
    const { value, log } = await capturing(() =>
      handle(JSON.parse(line) as RenderJob).catch((error: unknown) => {
        failed = true
        return { declined: `the renderer failed: ${error instanceof Error ? error.stack : String(error)}` }
      }),
    )
    // After a failure the next publish gets a fresh process: nothing half-synced is kept.
    process.stdout.write(`${RESULT_MARK}${JSON.stringify({ ...value, log })}\n`, () => failed && process.exit(1))
  }
  // stdin closed: the service is gone (even killed); whatever Astro left open must not keep this alive.
  process.exit(0)
}
