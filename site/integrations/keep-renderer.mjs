// @ts-check
/**
 * Keeps what renders the static pages after the build, for the publish service's fast path
 * (server/publish/renderer.ts, docs/publish-latency.md).
 *
 * Astro builds a *prerender bundle* (every page, with its getStaticPaths) into `.prerender/` and deletes it once
 * the pages are written. `astro:build:generated` runs just before that: we copy the bundle to `<outDir>/prerender/`
 * with what its build environment asks of the build at render time (each page's stylesheets from the build's
 * page data, and the scripts integrations inject), so a later process can render any page again without a build.
 *
 * Astro bakes the data store into both bundles as the `astro:data-layer-content` module: a string literal of the
 * whole store (40 MB at 200× the sample), which the bundler parses and writes twice and V8 then holds twice more
 * (the module's source and the literal) for the whole build. Here the module reads the store from a file at run
 * time instead (`dataStoreAtRunTime`): the prerender bundle the build's own `data-store.json` (or, in the fast path's
 * renderer, the newer one LAOMO_RENDER_DATA_STORE names, again without a new process: see `RELOADABLE`), the server
 * bundle the copy the build puts beside it (`server/data-store.json`). The build renders exactly what it synced.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const DATA_STORE_MODULE = '\0astro:data-layer-content'
const KEPT_DIR = 'prerender'

/** Where the server bundle (the booking endpoint reads content too) finds its data store: `server/data-store.json`. */
const SHIPPED_STORE = 'data-store.json'
const SERVER_STORE = `[new URL('${SHIPPED_STORE}', import.meta.url), new URL('../${SHIPPED_STORE}', import.meta.url)].find((f) => existsSync(f))`

/**
 * The prerender bundle's data store module, for the publish service's warm renderer (server/publish/renderer.ts).
 * Astro's content runtime imports the module once and keeps the Map it exports as its store, reading it on every
 * getCollection/getEntry (`ImmutableDataStore.fromModule`/`fromMap` in astro/dist/content/data-store.js, the
 * same as its own `devalue.unflatten` of the baked array). Exporting the Map ourselves lets `reloadDataStore()`
 * (published on globalThis once the chunk is loaded) refill it in place from the file LAOMO_RENDER_DATA_STORE names
 * (the build's own, `synced`, otherwise), and bump the content version that the site's per-build memos follow
 * (`perBuild` in site/lib/site.ts).
 */
const RELOADABLE = `
import { unflatten } from 'devalue'
const store = new Map()
const VERSION = Symbol.for('laomo.contentVersion')
function reloadDataStore() {
  const flat = JSON.parse(readFileSync(process.env.LAOMO_RENDER_DATA_STORE || synced, 'utf8'))
  if (!Array.isArray(flat)) throw new Error('keep-renderer: the data store is not a devalue array')
  const next = unflatten(flat)
  store.clear()
  for (const [name, entries] of next) store.set(name, entries)
  globalThis[VERSION] = (globalThis[VERSION] ?? 0) + 1
  // "Upcoming" and the footer's year as of this publish, not of the renderer's start (site/lib/site.ts).
  globalThis[Symbol.for('laomo.refreshBuildTime')]?.()
}
reloadDataStore()
// By a global, not an export: the bundler renames a chunk's exports.
globalThis[Symbol.for('laomo.reloadDataStore')] = reloadDataStore
export default store
`

/** The prerender bundle's chunk holding the data store module (the warm renderer imports it to reload it). */
let dataStoreChunk = ''

/**
 * @param {() => string} syncedStore the data store file the build synced (Astro's `<cacheDir>/data-store.json`)
 * @returns {import('vite').Plugin}
 */
const dataStoreAtRunTime = (syncedStore) => ({
  name: 'laomo:data-store-at-run-time',
  apply: 'build',
  transform(code, id) {
    const environment = this.environment?.name
    if (id !== DATA_STORE_MODULE || (environment !== 'prerender' && environment !== 'ssr')) return
    // Astro's module is that file's text as one literal: read the same file at run time, or say why not.
    const synced = syncedStore()
    if (!existsSync(synced) || code !== `export default JSON.parse(${JSON.stringify(readFileSync(synced, 'utf8'))})`)
      throw new Error(`keep-renderer: astro:data-layer-content is not ${synced} as Astro 7 bakes it`)
    const exported =
      environment === 'prerender'
        ? `const synced = ${JSON.stringify(synced)}\n${RELOADABLE}`
        : `const file = ${SERVER_STORE}\nif (!file) throw new Error('${SHIPPED_STORE} is missing beside the server bundle')\nexport default JSON.parse(readFileSync(file, 'utf8'))\n`
    return { code: `import { existsSync, readFileSync } from 'node:fs'\n${exported}`, map: { mappings: '' } }
  },
  generateBundle(_options, bundle) {
    if (this.environment?.name !== 'prerender') return
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk' && chunk.moduleIds.includes(DATA_STORE_MODULE)) dataStoreChunk = chunk.fileName
  },
})

/** @returns {import('astro').AstroIntegration} */
export function keepRenderer() {
  /** @type {import('astro').AstroConfig} */
  let config
  const syncedStore = () => fileURLToPath(new URL('data-store.json', config.cacheDir))
  return {
    name: 'laomo:keep-renderer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [dataStoreAtRunTime(syncedStore)] } })
      },
      'astro:config:done': ({ config: done }) => {
        config = done
      },
      'astro:build:generated': async () => {
        await keep(config)
      },
      'astro:build:done': () => {
        // The server bundle's content (SERVER_STORE), as the fast path ships it with each release it renders.
        cpSync(syncedStore(), new URL(SHIPPED_STORE, config.build.server))
      },
    },
  }
}

/**
 * Copies the prerender bundle (`.prerender/` in the server or output folder, whichever holds it) and writes
 * `build.json`: the prerender entry's file name, every page's stylesheets (keyed as Astro's build keys its page
 * data) and the injected scripts.
 * @param {import('astro').AstroConfig} config
 */
async function keep(config) {
  const from = [new URL('.prerender/', config.build.server), new URL('.prerender/', config.outDir)].find((dir) =>
    existsSync(dir),
  )
  if (!from) throw new Error('keep-renderer: the prerender bundle was not found')
  const entry = readdirSync(from).find((name) => /^prerender-entry\..*\.mjs$/.test(name))
  if (!entry) throw new Error('keep-renderer: the prerender entry was not found')
  // The same URL Astro imported: the same module instance, whose app holds this build's options.
  const { app } = await import(pathToFileURL(fileURLToPath(new URL(entry, from))).href)
  const options = app.getOptions()
  const pages = Object.fromEntries(
    Object.values(options.allPages).map((/** @type {any} */ page) => [page.key, { styles: page.styles }]),
  )
  const to = new URL(`${KEPT_DIR}/`, config.outDir)
  rmSync(to, { recursive: true, force: true })
  mkdirSync(to, { recursive: true })
  cpSync(from, to, { recursive: true })
  // Every output with its content key, for the next publish to tell what changed (server/publish/fast.ts).
  const { StaticPaths } = await import(
    new URL('node_modules/astro/dist/runtime/prerender/static-paths.js', config.root).href
  )
  const paths = (await new StaticPaths(app).getAll()).map((/** @type {any} */ p) => ({
    pathname: p.pathname,
    type: p.route.type,
    cacheKey: p.cacheKey,
  }))
  writeFileSync(new URL('paths.json', to), JSON.stringify(paths))
  // The content images the bundle can show: a publish whose content names another one needs a build.
  const assets = new URL('.astro/content-assets.mjs', config.root)
  if (existsSync(assets)) cpSync(assets, new URL('content-assets.mjs', to))
  const built = {
    code: codeStamp(fileURLToPath(config.root)),
    entry,
    dataStore: dataStoreChunk,
    pages,
    scripts: options.settings.scripts,
    site: config.site,
    // What Astro's build names processed images with (vite-plugin-assets.js addStaticImageFactory).
    image: { service: config.image.service.entrypoint, base: config.base, assets: config.build.assets },
  }
  writeFileSync(new URL('build.json', to), JSON.stringify(built))
}

/**
 * What the site's code was at build time: a content publish may render through a kept bundle only while the
 * code is the same. Git's hashes of what the site is built from (commits elsewhere do not count) and any
 * uncommitted change there. Null without git.
 * @param {string} root
 */
export function codeStamp(root) {
  try {
    const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
    const paths = ['site', 'domain', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json']
    return createHash('sha256')
      .update(git('ls-tree', 'HEAD', '--', ...paths))
      .update(git('diff', 'HEAD', '--', ...paths))
      .update(git('ls-files', '--others', '--exclude-standard', '--', ...paths))
      .digest('hex')
  } catch {
    return null
  }
}
