/**
 * The clusters of the map's first view, worked out at build time (`previewOf`) so the
 * page can draw that view before it has built its own index. Made from the points exactly as the
 * island decodes them, shifted into the tiles' datum as the island shifts them, with the island's
 * zoom range: the index the page builds later gives the same clusters, with the same ids.
 *
 * Build-time only: it imports gcoord, which the page loads only for Gaode.
 */
import { MAP_MIN_ZOOM, maxZoomOf } from '#domain/map/baseLayers'
import { toDisplay } from '#domain/map/datum'
import { effectiveConfig, providerSpec, type MapConfig } from '#domain/map/providers'
import { talkClusters, type TalkClusters } from './clusters'
import { decodeMapPoints, type MapPoints } from './data'
import { displayPositions, filterTalks } from './state'
import type { Bounds, ClusterPreview } from './types'

/**
 * The zooms a first view opens at: Gansu fills the map at 4.75 on a phone and at 5.75 on any wider
 * screen (the page's width is capped), and one more as a margin.
 */
export const PREVIEW_ZOOMS: readonly [number, number] = [4, 6]

const WORLD: Bounds = [-180, -90, 180, 90]

/** A millionth of a degree (~0.1 m) is finer than any screen shows. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** What the index of `clusters` shows at zooms `from`..`to` (below the top zoom), for the whole world. */
export function previewOf(clusters: TalkClusters, [from, to]: readonly [number, number]): ClusterPreview {
  clusters.build()
  const zooms: ClusterPreview['zooms'] = []
  for (let z = from; z <= Math.min(to, clusters.maxZoom - 1); z++) {
    zooms.push(
      clusters
        .view(WORLD, z)
        .map((item) =>
          item.kind === 'talk'
            ? [item.index]
            : [item.id, item.count, round6(item.position.lng), round6(item.position.lat)],
        ),
    )
  }
  return { minZoom: clusters.minZoom, maxZoom: clusters.maxZoom, from, zooms }
}

/** All talks' clusters (no filter) at the zooms a first view opens at. */
export function firstViewPreview(points: MapPoints, config: MapConfig): ClusterPreview {
  const spec = providerSpec(effectiveConfig(config))
  const columns = decodeMapPoints(points)
  const clusters = talkClusters(
    { minZoom: MAP_MIN_ZOOM, maxZoom: maxZoomOf(spec) },
    displayPositions(columns, (p) => toDisplay(p, spec)),
  )
  clusters.load(filterTalks(columns, {}))
  return previewOf(clusters, PREVIEW_ZOOMS)
}
