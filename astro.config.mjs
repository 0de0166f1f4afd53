// @ts-check
import { defineConfig } from 'astro/config'
import react from '@astrojs/react'
import sanity from '@sanity/astro'
import sitemap from '@astrojs/sitemap'
import node from '@astrojs/node'

const env = process.env

// The embedded Studio is the slowest part of a build and depends only on code; benchmarks and
// content-only rebuilds can leave it out with LAOMO_EMBED_STUDIO=0.
const embedStudio = env.LAOMO_EMBED_STUDIO !== '0'

export default defineConfig({
  site: env.LAOMO_SITE_URL || 'https://laomo.example.org',
  srcDir: './site',
  publicDir: './public',
  outDir: env.LAOMO_OUT_DIR || './dist',
  // Static pages; only the booking endpoint (site/pages/api/talk-requests.astro) renders on demand, served by
  // the Node adapter's standalone server (`npm run serve`).
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  image: {
    // Sanity images are downloaded at build time and served from our own output.
    remotePatterns: [{ protocol: 'https', hostname: 'cdn.sanity.io' }],
  },
  integrations: [
    sanity({
      projectId: env.SANITY_STUDIO_PROJECT_ID || env.SANITY_PROJECT_ID || 'laomo-sample',
      dataset: env.SANITY_STUDIO_DATASET || env.SANITY_DATASET || 'production',
      apiVersion: '2026-11-01',
      useCdn: false,
      ...(embedStudio ? { studioBasePath: '/studio' } : {}),
    }),
    react(),
    sitemap({ filter: (page) => !page.includes('/studio') && !page.includes('/api/') }),
  ],
  vite: {
    // SANITY_STUDIO_* reaches the embedded Studio bundle as it does under the Sanity CLI.
    envPrefix: ['PUBLIC_', 'SANITY_STUDIO_'],
  },
})
