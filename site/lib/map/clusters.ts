/**
 * Clustering for the talk map, with supercluster: the points are indexed once per filter in flat
 * arrays, and only what the view shows becomes markers. (markercluster, used before, kept a marker
 * object per talk in a cluster tree of objects: 20,000 talks took over a second to draw.)
 *
 * At the map's top zoom nothing is left clustered: the talks of a cluster that remains there (talks at
 * one venue, or at venues a few metres apart) are drawn on a small ring around it (`spreadOffsets`),
 * so each has a marker of its own to click, focus and open.
 *
 * Pure: no Leaflet, no DOM.
 */
import type { Feature, Point } from 'geojson'
import Supercluster from 'supercluster'
import type { LatLng } from '../../../studio/lib/map/providers'

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

export class TalkClusters {
  readonly minZoom: number
  /** The map's top zoom: there every talk is its own marker. */
  readonly maxZoom: number
  private readonly radius: number
  private readonly positions: DisplayPositions
  /** supercluster's input for each located talk, made on first use and kept across filters. */
  private readonly features: (TalkFeature | undefined)[]
  private index: Supercluster<Props, Props> | null = null
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

  /** Indexes these talks (a filter's), replacing the previous ones; talks without a location are left out. */
  load(talks: Iterable<number>): void {
    const { lat, lng } = this.positions
    const input: TalkFeature[] = []
    this.loaded = []
    this.isLoaded.fill(0)
    for (const index of talks) {
      if (Number.isNaN(lat[index]!) || this.isLoaded[index]) continue
      const feature = (this.features[index] ??= {
        type: 'Feature',
        properties: { index },
        geometry: { type: 'Point', coordinates: [lng[index]!, lat[index]!] },
      })
      input.push(feature)
      this.loaded.push(index)
      this.isLoaded[index] = 1
    }
    // Leaflet's tiles are 256 px: with that extent the radius is in the map's own pixels.
    this.index = new Supercluster<Props, Props>({
      minZoom: this.minZoom,
      maxZoom: this.maxZoom,
      radius: this.radius,
      extent: 256,
    }).load(input)
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
    if (!this.index) return []
    const [west, south, east, north] = bounds
    // supercluster wants longitudes in [-180, 180] and a west edge west of the east one.
    const bbox: Bounds = [Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north)]
    const top = Math.floor(zoom) >= this.maxZoom
    return this.index.getClusters(bbox, zoom).flatMap((f): ViewItem[] => {
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

  /** A single talk, at its own position (not the index's rounding of it). */
  private talkItem(index: number): Extract<ViewItem, { kind: 'talk' }> {
    return { kind: 'talk', index, position: this.positionOf(index)! }
  }

  /** The zoom at which a cluster splits (clicking it zooms there): the top zoom at most, where all do. */
  expansionZoom(clusterId: number): number {
    return Math.min(this.maxZoom, this.index!.getClusterExpansionZoom(clusterId))
  }

  /** The talks inside a cluster. */
  leaves(clusterId: number): number[] {
    return this.index!.getLeaves(clusterId, Infinity).map((f) => f.properties.index)
  }

  /** The lowest zoom from `from` on at which a talk has a marker of its own (the top zoom at most). */
  zoomToShow(index: number, from = this.minZoom): number {
    const position = this.positionOf(index)
    if (!this.index || !position || !this.has(index)) return this.maxZoom
    const e = 1e-6
    const box: Bounds = [position.lng - e, position.lat - e, position.lng + e, position.lat + e]
    for (let z = Math.max(this.minZoom, Math.floor(from)); z < this.maxZoom; z++) {
      if (this.index.getClusters(box, z).some((f) => !('cluster' in f.properties) && f.properties.index === index))
        return z
    }
    return this.maxZoom
  }
}

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
