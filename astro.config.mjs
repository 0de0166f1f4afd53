// @ts-check
import { defineConfig } from 'astro/config'
import react from '@astrojs/react'
import sanity from '@sanity/astro'
import sitemap from '@astrojs/sitemap'
import node from '@astrojs/node'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { API_VERSION, PLACEHOLDER_PROJECT_ID } from '#domain/sanity'
import { FEEDBACK_PATH, isPrintViewPath, REQUEST_STATUS_PATH } from '#domain/paths'
import { keepRenderer } from './site/integrations/keep-renderer.mjs'

const env = process.env

// The embedded Studio is the slowest part of a build and depends only on code; benchmarks and
// content-only rebuilds can leave it out with LAOMO_EMBED_STUDIO=0.
const embedStudio = env.LAOMO_EMBED_STUDIO !== '0'

/**
 * Vite's pre-bundled dependencies are kept in Astro's `cacheDir` (`vite/`) instead of the shared
 * `node_modules/.vite`: the deploy pipeline keeps that one folder between builds, so a publish reuses them,
 * a clean build (empty cacheDir) really starts clean, and another Astro project using the same node_modules
 * (the benchmark's reference) does not invalidate them on every alternate build.
 * @type {import('astro').AstroIntegration}
 */
const viteCacheInAstroCache = {
  name: 'laomo:vite-cache-in-astro-cache',
  hooks: {
    'astro:config:setup': ({ config, updateConfig }) => {
      updateConfig({ vite: { cacheDir: fileURLToPath(new URL('vite/', config.cacheDir)) } })
    },
  },
}

/**
 * Preview builds (server/preview/, LAOMO_PERSPECTIVE=drafts) get Sanity's click-to-edit overlays on every
 * page, for the Studio's 预览 tool (site/lib/visual-editing.ts writes the attributes they read). Injected
 * here so that the public build neither ships nor even bundles them.
 * @type {import('astro').AstroIntegration}
 */
const visualEditingInPreview = {
  name: 'laomo:visual-editing-in-preview',
  hooks: {
    'astro:config:setup': ({ injectScript }) => {
      injectScript('page', "import { enableVisualEditing } from '@sanity/visual-editing'; enableVisualEditing()")
    },
  },
}

/**
 * Old addresses of renamed pages (site/lib/redirects.ts) stay out of the sitemap: the build writes their list
 * as `redirects.json` into the client folder, read once the sitemap asks (after the pages are written).
 */
/** @type {URL | undefined} */
let clientDir
/** @type {Set<string> | undefined} */
let movedPages
/** @type {import('astro').AstroIntegration} */
const oldAddresses = {
  name: 'laomo:old-addresses',
  hooks: {
    'astro:config:done': ({ config }) => {
      clientDir = config.build.client
      movedPages = undefined
    },
  },
}
// Compared decoded: the sitemap spells paths as URL does, the map as domain/paths.ts does.
const decoded = (/** @type {string} */ path) => path.split('/').map(decodeURIComponent).join('/')
const isOldAddress = (/** @type {string} */ page) => {
  if (!movedPages) {
    try {
      movedPages = new Set(
        Object.keys(JSON.parse(readFileSync(new URL('redirects.json', clientDir), 'utf8'))).map(decoded),
      )
    } catch {
      movedPages = new Set()
    }
  }
  return movedPages.has(decoded(new URL(page).pathname))
}

export default defineConfig({
  site: env.LAOMO_SITE_URL || 'https://laomo.example.org',
  srcDir: './site',
  publicDir: './public',
  outDir: env.LAOMO_OUT_DIR || './dist',
  // Kept between builds (incremental pages, processed images, the search index): the publish service's builds
  // reuse it; a test can give its builds their own.
  cacheDir: env.LAOMO_CACHE_DIR || './node_modules/.astro',
  // Static pages; only the booking endpoint (site/pages/api/talk-requests.astro) renders on demand. The adapter
  // builds a handler, not a server: server/main.ts (`npm run serve`) serves the files and calls it for that route.
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  security: {
    // One Origin policy: the endpoint's own check (site/lib/booking/handler.ts) decides, in Chinese, with the
    // public origin as a trusted proxy reports it. Astro's compares with the server's own http://127.0.0.1 view.
    checkOrigin: false,
  },
  build: {
    format: 'directory',
    // In a publish most pages are copied from the incremental-build cache (below): file copies, not
    // rendering. One page at a time leaves the main thread waiting on each copy; four overlap them.
    concurrency: 4,
  },
  experimental: {
    // Pages whose getStaticPaths() returns a `cacheKey` (site/lib/site.ts cacheKey()) are copied from the
    // previous build when neither their content nor their code changed: a publish re-renders only what it
    // touched. The copies live in `cacheDir`, which the deploy pipeline keeps between builds.
    incrementalBuild: true,
  },
  image: {
    // Astro adds its on-demand `/_image` route to every build with an adapter (and `astro dev` serves images through
    // it, so it stays configured); server/main.ts never routes to it: the pages use images processed at build time.
    // Sanity images reach Astro as local files (site/lib/content/assets.ts downloads them at build time). This
    // pattern is only a safety net: a CDN URL that slipped through is still downloaded, never hot-linked.
    remotePatterns: [{ protocol: 'https', hostname: 'cdn.sanity.io' }],
  },
  integrations: [
    viteCacheInAstroCache,
    oldAddresses,
    // The publish service's fast path renders changed pages through the kept prerender bundle (server/publish/).
    keepRenderer(),
    ...(env.LAOMO_PERSPECTIVE === 'drafts' ? [visualEditingInPreview] : []),
    // Only the embedded Studio needs these two: the site reads content through site/lib/content (its own
    // Sanity client or the bundled dataset) and has no React components. Without the Studio they would
    // still inject the `sanity:client` module into every page and make Vite pre-bundle React and Sanity.
    ...(embedStudio
      ? [
          sanity({
            projectId: env.SANITY_STUDIO_PROJECT_ID || env.SANITY_PROJECT_ID || PLACEHOLDER_PROJECT_ID,
            dataset: env.SANITY_STUDIO_DATASET || env.SANITY_DATASET || 'production',
            apiVersion: API_VERSION,
            useCdn: false,
            studioBasePath: '/studio',
          }),
          react(),
        ]
      : []),
    sitemap({
      filter: (page) =>
        // The Studio, and what runs on demand (the booking endpoint, a request's status page).
        !['/studio', '/api/', REQUEST_STATUS_PATH, FEEDBACK_PATH].some((prefix) =>
          new URL(page).pathname.startsWith(prefix),
        ) &&
        !isPrintViewPath(new URL(page).pathname) &&
        !isOldAddress(page),
    }),
  ],
  vite: {
    // SANITY_STUDIO_* reaches the embedded Studio bundle as it does under the Sanity CLI.
    envPrefix: ['PUBLIC_', 'SANITY_STUDIO_'],
    build: {
      // Leaflet's stylesheet names icons the maps never show (layer switcher, default marker): as
      // files they cost nothing; inlined they would add ~4 KB gzip to every map page's CSS.
      assetsInlineLimit: (file) => (/[\\/]node_modules[\\/]leaflet[\\/]/.test(file) ? false : undefined),
    },
  },
})
