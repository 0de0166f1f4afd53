/**
 * Clustering for the talk map, with supercluster: the points are indexed once per filter in flat
 * arrays, and only what the view shows becomes markers (a marker object per talk, in a tree of
 * clusters, takes over a second to draw for 20,000 talks).
 *
 * At the map's top zoom nothing is left clustered: the talks of a cluster that remains there (talks at
 * one venue, or at venues a few metres apart) are drawn on a small ring around it (`spreadOffsets`),
 * so each has a marker of its own to click, focus and open.
 *
 * The index is built when first needed. For all talks (no filter) the build ships a preview
 * (`./preview`): what the index shows at the low zooms a first view opens at. The map draws that
 * view from it and builds the index once the view is painted: with 20,000 talks the index takes a
 * few hundred milliseconds in a browser, longer than everything else the first view needs.
 *
 * Pure: no Leaflet, no DOM.
 */
import type { Feature, Point } from 'geojson'
import Supercluster from 'supercluster'
import type { LatLng } from '#domain/map/providers'
import type { Bounds, ClusterPreview, DisplayPositions, ViewItem } from './types'

interface Props {
  index: number
}

export interface ClusterOptions {
  /** The map's lowest and highest zoom. */
  minZoom: number
  maxZoom: number
  /** Screen pixels within which markers merge (default 60). */
  radius?: number
}

type TalkFeature = Feature<Point, Props>

export interface TalkClusters {
  readonly minZoom: number
  /** The map's top zoom: there every talk is its own marker. */
  readonly maxZoom: number
  /**
   * Takes these talks (a filter's) in place of the previous ones; talks without a location are left
   * out. The index is built when first needed; until then `preview` (made by `previewOf` for all
   * talks) answers views at the zooms it covers, if these are all the talks.
   */
  load(talks: Iterable<number>, preview?: ClusterPreview): void
  /** Whether the index is built (views at a preview's zooms do not need it). */
  readonly indexed: boolean
  /** Builds the index of the loaded talks, if it is not built yet. */
  build(): Supercluster<Props, Props>
  /** The talks indexed (the current filter's located talks), in load order. */
  indices(): number[]
  has(index: number): boolean
  /** Where a located talk is drawn (whether indexed or not). */
  positionOf(index: number): LatLng | undefined
  /** Clusters and single talks inside `bounds` at `zoom`; at the top zoom, talks only. */
  view(bounds: Bounds, zoom: number): ViewItem[]
  /** The zoom at which a cluster splits (clicking it zooms there): the top zoom at most, where all do. */
  expansionZoom(clusterId: number): number
  /** The talks inside a cluster. */
  leaves(clusterId: number): number[]
  /** The lowest zoom from `from` on at which a talk has a marker of its own (the top zoom at most). */
  zoomToShow(index: number, from?: number): number
}

/**
 * `positions`: where each talk is drawn, NaN for a talk without a location (never shown). A closure
 * rather than a class: it ships in the map's first view, and the minifier shortens local names but
 * not properties.
 */
export function talkClusters(
  { minZoom: min, maxZoom: max, radius = 60 }: ClusterOptions,
  { lat, lng }: DisplayPositions,
): TalkClusters {
  const minZoom = Math.floor(min)
  const maxZoom = Math.ceil(max)
  /** supercluster's input for each located talk, made on first use and kept across filters. */
  const features: (TalkFeature | undefined)[] = new Array(lat.length)
  let index: Supercluster<Props, Props> | null = null
  /** Stands in for the index, at the zooms it covers, until the index is built. */
  let preview: ClusterPreview | null = null
  let loaded: number[] = []
  const isLoaded = new Uint8Array(lat.length)

  function build() {
    if (index) return index
    const input = loaded.map((i) => {
      const feature: TalkFeature = (features[i] ??= {
        type: 'Feature',
        properties: { index: i },
        geometry: { type: 'Point', coordinates: [lng[i]!, lat[i]!] },
      })
      return feature
    })
    // Leaflet's tiles are 256 px: with that extent the radius is in the map's own pixels.
    index = new Supercluster<Props, Props>({ minZoom, maxZoom, radius, extent: 256 }).load(input)
    return index
  }

  function positionOf(i: number): LatLng | undefined {
    const at = lat[i]
    return at === undefined || Number.isNaN(at) ? undefined : { lat: at, lng: lng[i]! }
  }

  /** A single talk, at its own position (not the index's rounding of it). */
  const talkItem = (i: number): Extract<ViewItem, { kind: 'talk' }> => ({
    kind: 'talk',
    index: i,
    position: positionOf(i)!,
  })

  /** The preview's items inside `bbox`, in the index's order. */
  function fromPreview(items: ClusterPreview['zooms'][number], [west, south, east, north]: Bounds): ViewItem[] {
    const inside = (p: LatLng) => p.lng >= west && p.lng <= east && p.lat >= south && p.lat <= north
    const out: ViewItem[] = []
    for (const item of items) {
      if (item.length === 1) {
        const talk = talkItem(item[0])
        if (inside(talk.position)) out.push(talk)
      } else {
        const [id, count, x, y] = item
        if (inside({ lat: y, lng: x })) out.push({ kind: 'cluster', id, count, position: { lat: y, lng: x } })
      }
    }
    return out
  }

  const leaves = (clusterId: number) =>
    build()
      .getLeaves(clusterId, Infinity)
      .map((f) => f.properties.index)

  return {
    minZoom,
    maxZoom,
    load(talks, given) {
      loaded = []
      isLoaded.fill(0)
      for (const i of talks) {
        if (Number.isNaN(lat[i]!) || isLoaded[i]) continue
        loaded.push(i)
        isLoaded[i] = 1
      }
      index = null
      const fits = given && given.minZoom === minZoom && given.maxZoom === maxZoom && countOf(given) === loaded.length
      preview = fits ? given : null
    },
    get indexed() {
      return index !== null
    },
    build,
    indices: () => [...loaded],
    has: (i) => isLoaded[i] === 1,
    positionOf,
    view(bounds, zoom) {
      if (!loaded.length) return []
      const [west, south, east, north] = bounds
      // supercluster wants longitudes in [-180, 180] and a west edge west of the east one.
      const bbox: Bounds = [Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north)]
      const previewed = index ? undefined : preview?.zooms[Math.floor(zoom) - preview.from]
      if (previewed) return fromPreview(previewed, bbox)
      const top = Math.floor(zoom) >= maxZoom
      return build()
        .getClusters(bbox, zoom)
        .flatMap((f): ViewItem[] => {
          const [x, y] = f.geometry.coordinates as [number, number]
          const p = f.properties
          if (!('cluster' in p && p.cluster)) return [talkItem((p as Props).index)]
          const centre = { lat: y, lng: x }
          if (!top) return [{ kind: 'cluster', id: p.cluster_id, count: p.point_count, position: centre }]
          const talks = leaves(p.cluster_id)
          const offsets = spreadOffsets(talks.length)
          return talks.map((i, k) => ({ ...talkItem(i), ring: { centre, offset: offsets[k]! } }))
        })
    },
    expansionZoom: (clusterId) => Math.min(maxZoom, build().getClusterExpansionZoom(clusterId)),
    leaves,
    zoomToShow(i, from = minZoom) {
      const position = positionOf(i)
      if (!position || isLoaded[i] !== 1) return maxZoom
      const e = 1e-6
      const box: Bounds = [position.lng - e, position.lat - e, position.lng + e, position.lat + e]
      const tree = build()
      for (let z = Math.max(minZoom, Math.floor(from)); z < maxZoom; z++) {
        if (tree.getClusters(box, z).some((f) => !('cluster' in f.properties) && f.properties.index === i)) return z
      }
      return maxZoom
    },
  }
}

/** How many talks a preview was made from: its first zoom counts each once (in a cluster or alone). */
const countOf = (preview: ClusterPreview) =>
  (preview.zooms[0] ?? []).reduce((n, item) => n + (item.length === 1 ? 1 : item[1]), 0)

/** The size class of a cluster's symbol: how many talks it holds. */
export function clusterSize(count: number): 'small' | 'medium' | 'large' {
  return count < 10 ? 'small' : count < 100 ? 'medium' : 'large'
}

/** A cluster's count as its symbol shows it: in full under 10,000, then in 万 ("2.1万"). */
export function clusterLabel(count: number): string {
  if (count < 10_000) return String(count)
  return `${(Math.floor(count / 1000) / 10).toFixed(1).replace(/\.0$/, '')}万`
}

/**
 * Pixel offsets for `count` markers at one position, on a ring wide enough that neighbours' 24 px
 * targets do not overlap (a lone marker stays where it is).
 */
export function spreadOffsets(count: number, target = 28): [number, number][] {
  if (count <= 1) return [[0, 0]]
  const radius = Math.max(target, (target * count) / (2 * Math.PI))
  return Array.from({ length: count }, (_, k) => {
    // Start at the top and go clockwise, as a reader counts.
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / count
    return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]
  })
}
