/**
 * Leaflet base layers of the public talk map and the Studio's location input (seat styles in
 * `baseLayers.css`, which both import).
 *
 * The bundled layer (Gansu's outline + labelled prefecture seats, and county seats from
 * `COUNTY_SEAT_ZOOM` on, loaded then) is always drawn, so the map stays useful with no network; a
 * configured tile provider is drawn above it and removed again if its tiles fail to load. Seat
 * labels move aside or hide for what is drawn above them and for each other (`./declutter`). Leaflet is passed in so this module never imports it itself (the
 * site loads Leaflet only on /map/), and so is the datum shift (gcoord is loaded only for Gaode).
 */
import type * as Leaflet from 'leaflet'
import { escapeHtml } from '../html.ts'
import { REGION_OUTLINE, OUTLINE_SOURCE } from '../region/outline.ts'
import { outlineSvg } from './outlineSvg.ts'
import {
  attribution,
  effectiveConfig,
  providerSpec,
  type LatLng,
  type MapConfig,
  type ProviderSpec,
} from './providers.ts'
import { PREFECTURE_SEATS } from '../region/seats.ts'
import { placeLabels, type Box } from './declutter.ts'

export interface BaseLayers {
  /** Outline and prefecture seats: no tiles, no network. */
  bundled: Leaflet.LayerGroup
  /** The provider's tile layers (base + labels), or null for the bundled layer alone. */
  tiles: Leaflet.LayerGroup | null
  spec: ProviderSpec
  /** Gansu's extent in display coordinates, for the initial view. */
  bounds: Leaflet.LatLngBounds
  /**
   * Adds everything to the map, with the attribution (the provider, the outline's source and the 审图号 when
   * configured; escaped, since editors type the 审图号); tiles that fail to load are removed and `onTileFailure`
   * is called. `obstacles` lists what seat labels must not cover (the talk map's markers).
   */
  addTo(map: Leaflet.Map, onTileFailure?: () => void, obstacles?: () => Iterable<Element>): void
  /** Moves or hides the seat labels that overlap an obstacle or a label of higher rank (call when the obstacles change). */
  declutter(): void
}

/** The talk map's lowest zoom: all of Gansu on a phone, with room around it. */
export const MAP_MIN_ZOOM = 4

/**
 * The talk map's max zoom: clustering needs one, and no tile layer sets it for the bundled layer.
 * The bundled layer has nothing to show below town level, and every zoom level is a level of
 * clusters to index, so it stops at 12 (about 30 m a pixel in Gansu; closer talks sit on a ring).
 */
export function maxZoomOf(spec: ProviderSpec): number {
  return spec.layers.length ? Math.min(...spec.layers.map((l) => l.maxZoom)) : 12
}

/** Seat labels sit above the outline but below markers and popups (Leaflet's tooltip pane is above both). */
const SEAT_LABEL_PANE = 'laomoSeatLabels'

/** The zoom from which the bundled layer also shows county seats (counties ~30 px apart and more). */
export const COUNTY_SEAT_ZOOM = 7

type Seat = readonly [name: string, lat: number, lng: number]

/**
 * `toDisplay` shifts a stored (WGS84) point into the tiles' datum (`./datum`'s `toDisplay`, or
 * the identity when `providerSpec(config).datum` is WGS84).
 */
export function createBaseLayers(
  L: typeof Leaflet,
  config: MapConfig,
  toDisplay: (point: LatLng, spec: ProviderSpec) => LatLng,
): BaseLayers {
  const effective = effectiveConfig(config)
  const spec = providerSpec(effective)
  const shift = (lng: number, lat: number): Leaflet.LatLngExpression => {
    const p = toDisplay({ lat, lng }, spec)
    return [p.lat, p.lng]
  }

  // One scaled SVG element, not a vector layer Leaflet re-projects vertex by vertex (./outlineSvg).
  const shape = outlineSvg(REGION_OUTLINE, (p) => toDisplay(p, spec))
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('viewBox', shape.viewBox)
  svg.setAttribute('preserveAspectRatio', 'none')
  svg.innerHTML =
    `<path d="${shape.d}" fill="#f7f4ef" fill-opacity="${spec.layers.length ? 0.05 : 0.9}" fill-rule="evenodd" ` +
    `stroke="#8a0f15" stroke-width="2" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>`
  const bounds = L.latLngBounds([shape.south, shape.west], [shape.north, shape.east])
  const outline = L.svgOverlay(svg, bounds, { interactive: false })
  // Labels are plain positioned elements (a permanent tooltip measures itself: a forced layout each).
  const seatMarker = ([name, lat, lng]: Seat, kind: 'prefecture' | 'county') =>
    L.marker(shift(lng, lat), {
      icon: L.divIcon({
        className: `laomo-seat laomo-seat-${kind}`,
        html: `<span class="laomo-seat-dot"></span><span class="laomo-seat-label">${name}</span>`,
        // Sized by CSS; the anchor is the dot's centre (7 px dot, 5 px for a county; 16 px line).
        iconSize: undefined,
        iconAnchor: kind === 'prefecture' ? [4, 8] : [3, 8],
      }),
      interactive: false,
      keyboard: false,
      pane: SEAT_LABEL_PANE,
    })
  // Rank = place in this list: prefecture seats (Lanzhou first) before county seats.
  const seats = PREFECTURE_SEATS.map((seat) => seatMarker(seat, 'prefecture'))
  const labelled = [...seats]
  const counties = L.layerGroup()
  const bundled = L.layerGroup([outline, ...seats])

  const tiles = spec.layers.length
    ? L.layerGroup(
        spec.layers.map((layer) =>
          L.tileLayer(layer.url, { subdomains: layer.subdomains, maxZoom: layer.maxZoom, crossOrigin: false }),
        ),
      )
    : null

  const credits = attribution(effective, OUTLINE_SOURCE)
  let obstaclesOf: () => Iterable<Element> = () => []
  function declutter() {
    const elements = labelled.flatMap((marker) => marker.getElement() ?? [])
    // Measured right of the dot; the left place mirrors that box about the dot.
    for (const el of elements) el.classList.remove('laomo-seat-left')
    const places = elements.map((el): Box[] => {
      const right = el.getBoundingClientRect()
      const shift = right.width - (el.firstElementChild?.getBoundingClientRect().width ?? 0)
      return [right, { top: right.top, bottom: right.bottom, left: right.left - shift, right: right.right - shift }]
    })
    const chosen = placeLabels(
      places.map((p, rank) => ({ places: p, rank })),
      [...obstaclesOf()].map((el) => el.getBoundingClientRect()),
    )
    elements.forEach((el, i) => {
      el.classList.toggle('laomo-seat-hidden', chosen[i] === -1)
      el.classList.toggle('laomo-seat-left', chosen[i] === 1)
    })
  }
  return {
    bundled,
    tiles,
    spec,
    bounds,
    declutter,
    addTo(map, onTileFailure, obstacles) {
      // A plain-text prefix: Leaflet's default adds a flag icon that says nothing about the map.
      map.attributionControl?.setPrefix('Leaflet').addAttribution(escapeHtml(credits))
      if (!map.getPane(SEAT_LABEL_PANE)) map.createPane(SEAT_LABEL_PANE).style.zIndex = '450'
      if (obstacles) obstaclesOf = obstacles
      bundled.addTo(map)
      // County seats only where no tiles draw their own labels; loaded the first time they are needed.
      let countySeats: Promise<void> | undefined
      const updateCounties = () => {
        if (tiles && map.hasLayer(tiles)) return
        if (map.getZoom() < COUNTY_SEAT_ZOOM) {
          counties.remove()
          return declutter()
        }
        countySeats ??= import('../region/countySeats.ts').then(({ COUNTY_SEATS }) => {
          for (const seat of COUNTY_SEATS) {
            const marker = seatMarker(seat, 'county')
            counties.addLayer(marker)
            labelled.push(marker)
          }
        })
        void countySeats.then(() => {
          if (map.getZoom() >= COUNTY_SEAT_ZOOM && !map.hasLayer(counties)) counties.addTo(map)
          declutter()
        })
      }
      map.on('zoomend', updateCounties)
      map.whenReady(updateCounties)
      if (!tiles) return
      let loaded = 0
      let failed = false
      tiles.eachLayer((layer) => {
        layer.on('tileload', () => loaded++)
        // One failure before any success means the provider is unreachable (offline, blocked,
        // bad key): drop the tiles so the bundled layer shows through cleanly.
        layer.on('tileerror', () => {
          if (loaded > 0 || failed) return
          failed = true
          map.removeLayer(tiles)
          onTileFailure?.()
        })
      })
      tiles.addTo(map)
    },
  }
}
