/**
 * Map base layers shared by the public talk map and the Studio's location input.
 *
 * Default: a bundled layer (Gansu's outline and prefecture seats) that needs no tile server,
 * so maps work offline and nothing is fetched from a third party. Tile providers reachable in
 * China are opt-in by configuration. OpenStreetMap is deliberately absent: its domains are
 * blocked in mainland China.
 *
 * Content is stored in WGS84. Gaode tiles are drawn in GCJ-02, so points shown over them are
 * converted and points picked on them converted back: `./datum` (kept apart so this module never
 * pulls in gcoord, which the public map loads only when a GCJ-02 provider is configured).
 */
import type { TileProvider } from '../vocabulary.ts'

export type { TileProvider }

export interface TileLayerSpec {
  url: string
  subdomains: string[]
  maxZoom: number
}

export interface ProviderSpec {
  id: TileProvider
  /** Shown in the layer switcher and the attribution. */
  name: string
  /** Tile layers drawn bottom-up (base, then labels). Empty for the bundled layer. */
  layers: TileLayerSpec[]
  /** Coordinates the tiles are drawn in. */
  datum: 'WGS84' | 'GCJ02'
  requiresKey: boolean
}

export interface MapConfig {
  provider: TileProvider
  /** Provider key (天地图 tk / 高德 key). Public by nature: restrict it by domain at the provider. */
  key?: string
  /** The provider's map approval number (审图号), shown with the attribution. */
  approval?: string
}

const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7']
const tianditu = (layer: string, key: string): TileLayerSpec => ({
  // `_w` = Web Mercator, Leaflet's default CRS; CGCS2000 ≈ WGS84, so no datum shift.
  url: `https://t{s}.tianditu.gov.cn/DataServer?T=${layer}_w&x={x}&y={y}&l={z}&tk=${encodeURIComponent(key)}`,
  subdomains: TIANDITU_SUBDOMAINS,
  maxZoom: 18,
})

export function providerSpec(config: MapConfig): ProviderSpec {
  const key = config.key ?? ''
  switch (config.provider) {
    case 'tianditu-vec':
      return {
        id: 'tianditu-vec',
        name: '天地图 矢量',
        layers: [tianditu('vec', key), tianditu('cva', key)],
        datum: 'WGS84',
        requiresKey: true,
      }
    case 'tianditu-img':
      return {
        id: 'tianditu-img',
        name: '天地图 影像',
        layers: [tianditu('img', key), tianditu('cia', key)],
        datum: 'WGS84',
        requiresKey: true,
      }
    case 'gaode':
      return {
        id: 'gaode',
        name: '高德地图',
        layers: [
          {
            url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
            subdomains: ['1', '2', '3', '4'],
            maxZoom: 18,
          },
        ],
        datum: 'GCJ02',
        requiresKey: false,
      }
    case 'bundled':
    default:
      return { id: 'bundled', name: '内置离线底图', layers: [], datum: 'WGS84', requiresKey: false }
  }
}

/** A provider that needs a key but has none falls back to the bundled layer. */
export function effectiveConfig(config: MapConfig): MapConfig {
  const spec = providerSpec(config)
  if (spec.requiresKey && !config.key) return { provider: 'bundled' }
  return config
}

export interface LatLng {
  lat: number
  lng: number
}

/** Attribution text for the active provider, with its 审图号 when configured. */
export function attribution(config: MapConfig, outlineSource: string): string {
  const spec = providerSpec(effectiveConfig(config))
  const parts = spec.id === 'bundled' ? [outlineSource] : [spec.name, outlineSource]
  if (spec.id !== 'bundled' && config.approval) parts.push(`审图号：${config.approval}`)
  return parts.join(' | ')
}
