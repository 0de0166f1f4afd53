/**
 * Types the map's data, clustering and state modules share. Here, in a module that imports none of
 * them, so `data.ts`, `clusters.ts` and `state.ts` depend on it and not on each other in a cycle.
 */
import type { LatLng } from '#domain/map/providers'

/** Where each talk's marker is drawn: WGS84 converted into the tiles' datum; NaN without a location. */
export interface DisplayPositions {
  lat: Float64Array
  lng: Float64Array
}

/** [west, south, east, north], degrees. */
export type Bounds = [number, number, number, number]

/** What a view shows: a talk (by its index in the data) or a cluster of talks. */
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

/**
 * The index's view at some zooms, made at build time for all located talks. Only valid for the same
 * talks, positions and zoom range: `load` (`talkClusters`) uses it only when the range matches and it
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
