/**
 * Studio configuration from the environment. `SANITY_STUDIO_*` variables reach the browser
 * bundle both under the Sanity CLI and inside Astro (see `vite.envPrefix` in astro.config.mjs).
 * Without a project the Studio still boots (and reports that it cannot reach Sanity),
 * so the embedded Studio builds on a machine with no Sanity account.
 */
import type { MapConfig } from '#domain/map/providers'
import { PLACEHOLDER_PROJECT_ID } from '#domain/sanity'
import { TILE_PROVIDERS, type TileProvider } from '#domain/vocabulary'

const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env ?? {}

export const studioProjectId: string = env.SANITY_STUDIO_PROJECT_ID || PLACEHOLDER_PROJECT_ID
export const studioDataset: string = env.SANITY_STUDIO_DATASET || 'production'
/** Public site origin, for "在网站上查看" links. */
export const siteUrl: string = (env.SANITY_STUDIO_SITE_URL || 'http://localhost:4321').replace(/\/$/, '')

/**
 * Base layer of the Studio's location input, the same choice as the site's map:
 * `bundled` (default, offline), `tianditu-vec`, `tianditu-img` or `gaode`.
 */
export const studioMapConfig: MapConfig = {
  provider: (TILE_PROVIDERS.find((p) => p.value === env.SANITY_STUDIO_MAP_PROVIDER)?.value ??
    'bundled') as TileProvider,
  key: env.SANITY_STUDIO_MAP_KEY || undefined,
  approval: env.SANITY_STUDIO_MAP_APPROVAL || undefined,
}

/** The publish service's status (server/publish), read by the 发布状态 tool. */
export const publishStatusUrl: string = env.SANITY_STUDIO_PUBLISH_STATUS_URL || 'http://localhost:4322/status'

/** The preview server (server/preview/, `npm run preview:drafts`) that the Presentation tool frames. */
export const previewUrl: string = (env.SANITY_STUDIO_PREVIEW_URL || 'http://localhost:4323').replace(/\/$/, '')
