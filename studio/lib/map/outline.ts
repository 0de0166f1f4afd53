/**
 * Gansu's outline for the bundled base layer.
 * PLACEHOLDER: a coarse bounding polygon until the redistributable outline data lands
 * (see the talk-map work). Consumers must only rely on the exported names and types.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'

export const GANSU_OUTLINE: Feature<Polygon | MultiPolygon, { name: string }> = {
  type: 'Feature',
  properties: { name: '甘肃省' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [92.3, 39.2],
        [96.0, 42.7],
        [100.8, 42.6],
        [104.5, 38.0],
        [108.7, 35.0],
        [106.3, 32.6],
        [104.2, 32.6],
        [101.5, 34.0],
        [100.7, 36.3],
        [98.8, 38.3],
        [92.3, 39.2],
      ],
    ],
  },
}

/** Where the outline comes from, named in the map attribution. */
export const OUTLINE_SOURCE = '示意轮廓（占位）'
