/**
 * The map's tile configuration: site settings (`mapProvider`, `mapKey`, `mapApproval`), each
 * overridable at build time by PUBLIC_MAP_PROVIDER / PUBLIC_MAP_KEY / PUBLIC_MAP_APPROVAL.
 */
import { TILE_PROVIDERS, type TileProvider } from '#domain/vocabulary'
import { effectiveConfig, providerSpec, type MapConfig } from '#domain/map/providers'

export interface MapSettings {
  mapProvider?: string
  mapKey?: string
  mapApproval?: string
}

const PROVIDERS = new Set<string>(TILE_PROVIDERS.map((p) => p.value))

/** Resolves the configuration and names every problem (unknown provider, missing key) as a warning. */
export function resolveMapConfig(
  settings: MapSettings,
  env: Record<string, string | undefined>,
): { config: MapConfig; warnings: string[] } {
  const warnings: string[] = []
  const pick = (envName: string, value: string | undefined) => env[envName]?.trim() || value?.trim() || undefined
  const requested = pick('PUBLIC_MAP_PROVIDER', settings.mapProvider) ?? 'bundled'
  let provider: TileProvider = 'bundled'
  if (PROVIDERS.has(requested)) provider = requested as TileProvider
  else warnings.push(`map: unknown tile provider "${requested}" — using the bundled base layer`)
  const key = pick('PUBLIC_MAP_KEY', settings.mapKey)
  const approval = pick('PUBLIC_MAP_APPROVAL', settings.mapApproval)
  const config: MapConfig = { provider, ...(key ? { key } : {}), ...(approval ? { approval } : {}) }
  const effective = effectiveConfig(config)
  if (effective.provider !== config.provider) {
    warnings.push(`map: provider "${provider}" needs a key (mapKey / PUBLIC_MAP_KEY) — using the bundled base layer`)
    return { config: effective, warnings }
  }
  if (providerSpec(config).layers.length && !approval) {
    warnings.push(`map: provider "${provider}" has no 审图号 (mapApproval / PUBLIC_MAP_APPROVAL) to show with the map`)
  }
  return { config, warnings }
}
