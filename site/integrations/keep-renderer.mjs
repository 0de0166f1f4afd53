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
 * The bundle would render the content it was built with: Astro bakes the data store into it as the
 * `astro:data-layer-content` module. That module reads a newer data store at run time when one is given
 * (`dataStoreAtRunTime`), and the baked content otherwise, so the build itself renders exactly as before.
 * In the prerender bundle it can read it again without a new process: see `RELOADABLE`.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const DATA_STORE_MODULE = '\0astro:data-layer-content'
const KEPT_DIR = 'prerender'

/**
 * Where each bundle finds newer content than it was built with. The prerender bundle: the file LAOMO_RENDER_DATA_STORE
 * names (the fast path's renderer sets it). The server bundle (the booking endpoint reads content too): a
 * `server/data-store.json` the fast path writes into the release beside it. Neither exists in a build, which
 * therefore renders the content it baked.
 */
const RUN_TIME_SOURCE = {
  prerender: 'process.env.LAOMO_RENDER_DATA_STORE',
  ssr: "[new URL('data-store.json', import.meta.url), new URL('../data-store.json', import.meta.url)].find((f) => existsSync(f))",
}

/**
 * The prerender bundle's data store module, for the publish service's warm renderer (server/publish/renderer.ts).
 * Astro's content runtime imports the module once and keeps the Map it exports as its store, reading it on every
 * getCollection/getEntry (`ImmutableDataStore.fromModule`/`fromMap` in astro/dist/content/data-store.js, the
 * same as its own `devalue.unflatten` of the baked array). Exporting the Map ourselves lets `reloadDataStore()`
 * (published on globalThis once the chunk is loaded) refill it in place from the file LAOMO_RENDER_DATA_STORE names, and bump the content version that the site's
 * per-build memos follow (`perBuild` in site/lib/site.ts).
 */
const RELOADABLE = `
import { unflatten } from 'devalue'
const store = new Map()
const VERSION = Symbol.for('laomo.contentVersion')
function reloadDataStore() {
  const file = process.env.LAOMO_RENDER_DATA_STORE
  const flat = file ? JSON.parse(readFileSync(file, 'utf8')) : baked
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

/** @type {import('vite').Plugin} */
const dataStoreAtRunTime = {
  name: 'laomo:data-store-at-run-time',
  apply: 'build',
  transform(code, id) {
    const environment = /** @type {'prerender' | 'ssr'} */ (this.environment?.name)
    const source = RUN_TIME_SOURCE[environment]
    if (id !== DATA_STORE_MODULE || !source) return
    const baked = code.replace(/^export default /, 'const baked = ')
    if (baked === code) throw new Error('keep-renderer: unexpected astro:data-layer-content module')
    const exported =
      environment === 'prerender'
        ? RELOADABLE
        : `const file = ${source}\nexport default file ? JSON.parse(readFileSync(file, 'utf8')) : baked\n`
    return {
      code: `import { existsSync, readFileSync } from 'node:fs'\n${baked}\n${exported}`,
      map: { mappings: '' },
    }
  },
  generateBundle(_options, bundle) {
    if (this.environment?.name !== 'prerender') return
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk' && chunk.moduleIds.includes(DATA_STORE_MODULE)) dataStoreChunk = chunk.fileName
  },
}

/** @returns {import('astro').AstroIntegration} */
export function keepRenderer() {
  /** @type {import('astro').AstroConfig} */
  let config
  return {
    name: 'laomo:keep-renderer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [dataStoreAtRunTime] } })
      },
      'astro:config:done': ({ config: done }) => {
        config = done
      },
      'astro:build:generated': async () => {
        await keep(config)
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
