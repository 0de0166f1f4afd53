/**
 * Clustering for the talk map, with supercluster: the points are indexed once per filter in flat
 * arrays, and only what the view shows becomes markers. (markercluster, used before, kept a marker
 * object per talk in a cluster tree of objects: 20,000 talks took over a second to draw.)
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

import type { DisplayPositions } from './state'

export type ViewItem =
  | {
      kind: 'talk'
      index: number
      /** Where the talk is. */
      position: LatLng
      /** At the top zoom, for talks too close to tell apart: draw at `centre` moved by `offset` pixels. */
      ring?: { centre: LatLng; offset: [number, number] }
    }
  | { kind: 'cluster'; id: number; count: number; position: LatLng }

/** [west, south, east, north], degrees. */
export type Bounds = [number, number, number, number]

interface Props {
  index: number
}

export interface ClusterOptions {
  /** The map's lowest and highest zoom. */
  minZoom: number
  maxZoom: number
  /** Screen pixels within which markers merge (markercluster's default was 80; ours 60). */
  radius?: number
}

type TalkFeature = Feature<Point, Props>

/**
 * The index's view at some zooms, made at build time for all located talks. Only valid for the same
 * talks, positions and zoom range: `TalkClusters.load` uses it only when the range matches and it
 * counts as many talks as are loaded (a filter's talks are a subset of all, so the same number means
 * the same talks).
 */
export interface ClusterPreview {
  /** The zoom range of the index it was made with. */
  minZoom: number
  maxZoom: number
  /** The first zoom covered: `zooms[k]` is zoom `from + k`. */
  from: number
  /** Per zoom, the whole world: a lone talk as [index], a cluster as [id, count, lng, lat]. */
  zooms: ([number] | [number, number, number, number])[][]
}

export class TalkClusters {
  readonly minZoom: number
  /** The map's top zoom: there every talk is its own marker. */
  readonly maxZoom: number
  private readonly radius: number
  private readonly positions: DisplayPositions
  /** supercluster's input for each located talk, made on first use and kept across filters. */
  private readonly features: (TalkFeature | undefined)[]
  private index: Supercluster<Props, Props> | null = null
  /** Stands in for the index, at the zooms it covers, until the index is built. */
  private preview: ClusterPreview | null = null
  private loaded: number[] = []
  private isLoaded = new Uint8Array(0)

  /** `positions`: where each talk is drawn, NaN for a talk without a location (never shown). */
  constructor({ minZoom, maxZoom, radius = 60 }: ClusterOptions, positions: DisplayPositions) {
    this.minZoom = Math.floor(minZoom)
    this.maxZoom = Math.ceil(maxZoom)
    this.radius = radius
    this.positions = positions
    this.features = new Array(positions.lat.length)
    this.isLoaded = new Uint8Array(positions.lat.length)
  }

  /**
   * Takes these talks (a filter's) in place of the previous ones; talks without a location are left
   * out. The index is built when first needed; until then `preview` (made by `previewOf` for all
   * talks) answers views at the zooms it covers, if these are all the talks.
   */
  load(talks: Iterable<number>, preview?: ClusterPreview): void {
    const { lat } = this.positions
    this.loaded = []
    this.isLoaded.fill(0)
    for (const index of talks) {
      if (Number.isNaN(lat[index]!) || this.isLoaded[index]) continue
      this.loaded.push(index)
      this.isLoaded[index] = 1
    }
    this.index = null
    const fits =
      preview &&
      preview.minZoom === this.minZoom &&
      preview.maxZoom === this.maxZoom &&
      countOf(preview) === this.loaded.length
    this.preview = fits ? preview : null
  }

  /** Whether the index is built (views at a preview's zooms do not need it). */
  get indexed(): boolean {
    return this.index !== null
  }

  /** Builds the index of the loaded talks, if it is not built yet. */
  build(): Supercluster<Props, Props> {
    if (this.index) return this.index
    const { lat, lng } = this.positions
    const input = this.loaded.map((index) => {
      const feature: TalkFeature = (this.features[index] ??= {
        type: 'Feature',
        properties: { index },
        geometry: { type: 'Point', coordinates: [lng[index]!, lat[index]!] },
      })
      return feature
    })
    // Leaflet's tiles are 256 px: with that extent the radius is in the map's own pixels.
    this.index = new Supercluster<Props, Props>({
      minZoom: this.minZoom,
      maxZoom: this.maxZoom,
      radius: this.radius,
      extent: 256,
    }).load(input)
    return this.index
  }

  /** The talks indexed (the current filter's located talks), in load order. */
  indices(): number[] {
    return [...this.loaded]
  }

  has(index: number): boolean {
    return this.isLoaded[index] === 1
  }

  /** Where a located talk is drawn (whether indexed or not). */
  positionOf(index: number): LatLng | undefined {
    const lat = this.positions.lat[index]
    return lat === undefined || Number.isNaN(lat) ? undefined : { lat, lng: this.positions.lng[index]! }
  }

  /** Clusters and single talks inside `bounds` at `zoom`; at the top zoom, talks only. */
  view(bounds: Bounds, zoom: number): ViewItem[] {
    if (!this.loaded.length) return []
    const [west, south, east, north] = bounds
    // supercluster wants longitudes in [-180, 180] and a west edge west of the east one.
    const bbox: Bounds = [Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north)]
    const previewed = this.index ? undefined : this.preview?.zooms[Math.floor(zoom) - this.preview.from]
    if (previewed) return this.fromPreview(previewed, bbox)
    const tree = this.build()
    const top = Math.floor(zoom) >= this.maxZoom
    return tree.getClusters(bbox, zoom).flatMap((f): ViewItem[] => {
      const [lng, lat] = f.geometry.coordinates as [number, number]
      const p = f.properties
      if (!('cluster' in p && p.cluster)) return [this.talkItem((p as Props).index)]
      const centre = { lat, lng }
      if (!top) return [{ kind: 'cluster', id: p.cluster_id, count: p.point_count, position: centre }]
      const leaves = this.leaves(p.cluster_id)
      const offsets = spreadOffsets(leaves.length)
      return leaves.map((index, k) => ({ ...this.talkItem(index), ring: { centre, offset: offsets[k]! } }))
    })
  }

  /** The preview's items inside `bbox`, in the index's order. */
  private fromPreview(items: ClusterPreview['zooms'][number], [west, south, east, north]: Bounds): ViewItem[] {
    const inside = ({ lat, lng }: LatLng) => lng >= west && lng <= east && lat >= south && lat <= north
    const out: ViewItem[] = []
    for (const item of items) {
      if (item.length === 1) {
        const talk = this.talkItem(item[0])
        if (inside(talk.position)) out.push(talk)
      } else {
        const [id, count, lng, lat] = item
        if (inside({ lat, lng })) out.push({ kind: 'cluster', id, count, position: { lat, lng } })
      }
    }
    return out
  }

  /** A single talk, at its own position (not the index's rounding of it). */
  private talkItem(index: number): Extract<ViewItem, { kind: 'talk' }> {
    return { kind: 'talk', index, position: this.positionOf(index)! }
  }

  /** The zoom at which a cluster splits (clicking it zooms there): the top zoom at most, where all do. */
  expansionZoom(clusterId: number): number {
    return Math.min(this.maxZoom, this.build().getClusterExpansionZoom(clusterId))
  }

  /** The talks inside a cluster. */
  leaves(clusterId: number): number[] {
    return this.build()
      .getLeaves(clusterId, Infinity)
      .map((f) => f.properties.index)
  }

  /** The lowest zoom from `from` on at which a talk has a marker of its own (the top zoom at most). */
  zoomToShow(index: number, from = this.minZoom): number {
    const position = this.positionOf(index)
    if (!position || !this.has(index)) return this.maxZoom
    const e = 1e-6
    const box: Bounds = [position.lng - e, position.lat - e, position.lng + e, position.lat + e]
    const tree = this.build()
    for (let z = Math.max(this.minZoom, Math.floor(from)); z < this.maxZoom; z++) {
      if (tree.getClusters(box, z).some((f) => !('cluster' in f.properties) && f.properties.index === index)) return z
    }
    return this.maxZoom
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
