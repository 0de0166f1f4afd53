/**
 * One fast publish's rendering, in its own process (fast.ts starts it): the kept bundle reads the new data store
 * once, when it is imported, so each content version gets a fresh process; and a crash cannot take the
 * service down. Argument: a JSON `RenderJob`. Prints one JSON `RenderOutcome` line on stdout.
 *
 * The release folder `outDir` is already a hard-linked copy of the live one. This writes the outputs whose
 * content key changed or that have none (lists, home, feeds, map data), removes the outputs the content no
 * longer has, and rewrites the sitemap when the set of pages changed; each file is written beside its link
 * and renamed over it, so the live release's file (the same inode) keeps its bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { imagesNamed, loadRenderer, outputFile, type StaticPath } from './renderer.ts'

export interface RenderJob {
  repo: string
  /** The live release (its kept bundle renders, its paths.json says what it had). */
  liveDir: string
  /** The linked copy being made into the next release. */
  outDir: string
}

export interface RenderOutcome {
  rendered: number
  removed: number
  unchanged: number
  /** Images the pages name that the live release lacks: the caller must build instead. */
  missingImages: string[]
  ms: { load: number; paths: number; render: number; write: number }
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

export async function runRenderJob(job: RenderJob): Promise<RenderOutcome> {
  const t0 = performance.now()
  const renderer = await loadRenderer(job.repo, job.liveDir)
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
  const t4 = performance.now()
  return {
    rendered: files.size,
    removed: removed.length,
    unchanged: paths.length - todo.length,
    missingImages,
    ms: { load: t1 - t0, paths: t2 - t1, render: t3 - t2, write: t4 - t3 },
  }
}

if (import.meta.main) {
  const outcome = await runRenderJob(JSON.parse(process.argv[2]!) as RenderJob)
  process.stdout.write(`${JSON.stringify(outcome)}\n`)
}
