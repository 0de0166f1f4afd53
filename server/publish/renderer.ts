/**
 * Renders a release's pages again without a build, through the prerender bundle the build kept
 * (site/integrations/keep-renderer.mjs writes `<release>/prerender/`): the same page code, the same
 * stylesheets and scripts, with the content of another data store: the file LAOMO_RENDER_DATA_STORE names, read
 * when the bundle is imported and again by `reload()` (keep-renderer.mjs makes the bundle's data store module
 * refillable), so one long-lived process renders publish after publish (render-worker.ts).
 *
 * What a build does around the render is done here the way Astro's build does it
 * (node_modules/astro/dist/core/build/generate.js, default-prerenderer.js): the bundle's build environment gets
 * the page data it reads (stylesheets per page, injected scripts) and a logger; images requested by a page are
 * named exactly as the build names them (`addStaticImage` in astro/dist/assets/vite-plugin-assets.js), so a
 * page points at the same `/_astro/…` files. Processing a new image is not done here: the caller checks that
 * every image a page names already exists in the live release, and otherwise builds.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

interface KeptBuild {
  entry: string
  /** The chunk of the data store module, relative to the kept folder (builds before the warm renderer: none). */
  dataStore?: string
  pages: Record<string, { styles: unknown[] }>
  scripts: unknown[]
  image: { service: string; base: string; assets: string }
  site: string
}

/** A page or endpoint output, as Astro's build lists them (StaticPaths.getAll()). */
export interface StaticPath {
  pathname: string
  route: { type: string; component: string; route: string; isIndex?: boolean }
  cacheKey?: string
}

export interface Rendered {
  /** Relative to the release folder: "client/talks/t-1/index.html". */
  file: string
  body: Uint8Array
}

interface BuildApp {
  setInternals(internals: unknown): void
  setOptions(options: unknown): void
  render(request: Request, options: { routeData: unknown }): Promise<Response>
  /** getStaticPaths' results per route, which the bundle keeps for the life of the process. */
  routeCache: { clearAll(): void }
}

type HashFns = {
  hashTransform: (transform: unknown, service: string, props: string[]) => string
  propsToFilename: (file: string, transform: unknown, hash: string) => string
}

const quietLogger = { options: { destination: { write: () => true }, level: 'error' } }

/** The `/_astro/…` files the pages rendered so far name, as the build would have written them. */
export const imagesNamed = new Set<string>()

function isImported(src: unknown): src is { src: string } {
  return typeof src === 'object' && src !== null && 'src' in src
}

/** Astro's build-time image naming, the same hashes and file names (see the module comment). */
async function installImageNaming(repo: string, kept: KeptBuild) {
  const { hashTransform, propsToFilename } = (await import(
    pathToFileURL(path.join(repo, 'node_modules/astro/dist/assets/utils/hash.js')).href
  )) as HashFns
  const strip = (value: string, prefix: string) =>
    prefix !== '/' && value.startsWith(prefix) ? value.slice(prefix.length - 1) : value
  const astroAsset = ((globalThis as Record<string, unknown>).astroAsset ??= {}) as Record<string, unknown>
  astroAsset.addStaticImage = (options: { src: unknown }, hashProperties: string[]) => {
    const source = isImported(options.src) ? options.src.src : String(options.src)
    const original = strip(source, kept.image.base)
    const hash = hashTransform(options, kept.image.service, hashProperties)
    const folder = isImported(options.src) ? '' : `/${kept.image.assets}`
    const file = `${folder}${propsToFilename(original, options, hash)}`.replace(/^\/?/, '/')
    imagesNamed.add(file)
    return file
  }
}

/** Where Astro's build writes a path's output (getOutputFilename in astro/dist/core/output-filename.js). */
export function outputFile(pathname: string, route: StaticPath['route']): string {
  const decoded = decodeURI(pathname)
  if (route.type === 'endpoint') return `client${decoded}`
  if (decoded === '/' || decoded === '') return 'client/index.html'
  if (decoded === '/404' || decoded === '/500') return `client${decoded}.html`
  return `client${decoded.replace(/\/$/, '')}/index.html`
}

export interface Renderer {
  /** The kept folder the bundle was imported from (its modules stay loaded while the process lives). */
  keptDir: string
  /** Reads the data store file again and forgets what was worked out from the previous content. */
  reload(): Promise<void>
  paths(): Promise<StaticPath[]>
  render(path: StaticPath, origin: string): Promise<Rendered | undefined>
}

/** Loads `<releaseDir>/prerender/` (set LAOMO_RENDER_DATA_STORE before calling, to render other content). */
export async function loadRenderer(repo: string, releaseDir: string): Promise<Renderer> {
  const keptDir = path.join(releaseDir, 'prerender')
  const kept = JSON.parse(readFileSync(path.join(keptDir, 'build.json'), 'utf8')) as KeptBuild
  await installImageNaming(repo, kept)
  const bundle = (await import(pathToFileURL(path.join(keptDir, kept.entry)).href)) as { app: BuildApp }
  const app = bundle.app
  app.setInternals({
    pagesByKeys: new Map(Object.entries(kept.pages)),
    entrySpecifierToBundleMap: new Map(),
  })
  app.setOptions({ settings: { scripts: kept.scripts }, logger: quietLogger })
  const { StaticPaths } = (await import(
    pathToFileURL(path.join(repo, 'node_modules/astro/dist/runtime/prerender/static-paths.js')).href
  )) as { StaticPaths: new (app: BuildApp) => { getAll(): Promise<StaticPath[]> } }
  return {
    keptDir,
    async reload() {
      if (!kept.dataStore) throw new Error('the kept bundle cannot reload its data store (built before it could)')
      // The URL the bundle itself imports the chunk by: the same module instance, whose Map the runtime reads.
      await import(pathToFileURL(path.join(keptDir, kept.dataStore)).href)
      const reloadDataStore = (globalThis as Record<symbol, unknown>)[Symbol.for('laomo.reloadDataStore')]
      if (typeof reloadDataStore !== 'function') throw new Error('the data store module cannot reload')
      reloadDataStore()
      app.routeCache.clearAll()
      imagesNamed.clear()
    },
    paths: () => new StaticPaths(app).getAll(),
    async render(staticPath, origin) {
      const url = new URL(staticPath.pathname, origin)
      // As the build asks for a page (getUrlForPath in generate.js, build.format 'directory').
      if (staticPath.route.type === 'page') url.pathname = url.pathname.replace(/\/?$/, '/')
      const response = await app.render(new Request(url), { routeData: staticPath.route })
      // The build writes whatever a page answers except a redirect (the error pages answer 404 and 500).
      const errorPage = ['/404', '/500'].includes(staticPath.pathname)
      if (response.status !== 200 && !errorPage) throw new Error(`${staticPath.pathname}: ${response.status}`)
      if (!response.body) return undefined
      return {
        file: outputFile(staticPath.pathname, staticPath.route),
        body: new Uint8Array(await response.arrayBuffer()),
      }
    },
  }
}
