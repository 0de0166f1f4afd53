/**
 * The talk map's markers: the clusters and talks of the current view, one shared popup, and the
 * keyboard (Enter or Space opens a marker, Escape closes the popup). Markers carry no popup or
 * handlers of their own: the layer forwards their clicks, so a view of thousands of markers costs no
 * listener each. A talk's marker is made when a view first shows it alone, and kept; its title (its
 * accessible name) comes with the text. A closure, not a class: see `island.ts`.
 */
import L from 'leaflet'
import type { LatLng } from '#domain/map/providers'
import type { TalkClusters } from '../../lib/map/clusters'
import { TYPES, type MapColumns, type MapText } from '../../lib/map/data'
import { nearest } from '../../lib/map/nearest'
import type { ViewItem } from '../../lib/map/types'
import { present, type Demand } from './demand'
import { clusterMarker, venueIcons } from './markerIcons'
import { markerTitle } from './markerLabels'

export interface MarkerEvents {
  /** A talk's marker was clicked (or Enter or Space pressed on it). */
  talk(index: number): void
  /** The reader closed this talk's popup (×, Escape, a click on the map). */
  popupClosed(index: number): void
}

export interface MarkerLayer {
  clusters: TalkClusters
  /**
   * Resolves, as `data-ready` turns "true", when the markers of the current filter and view are
   * drawn and painted.
   */
  readonly drawn: Promise<void>
  /** Draws these talks (a filter's) in place of the previous ones. */
  draw(talks: number[]): void
  /** Titles the markers made so far, and those made from now on. */
  setText(text: MapText): void
  /** Zooms in (and pans) until the talk has a marker of its own in view; resolves with that marker. */
  showTalk(index: number): Promise<L.Marker | undefined>
  /** Opens the popup, with `html`, on a talk's marker (made by a view that showed it). */
  openPopup(index: number, html: string): void
  /** Whether the popup is open on this talk. */
  popupOn(index: number): boolean
  closePopup(): void
  /** Forwards the markers' clicks and keys to `events`, and names the popup's close button. */
  listen(events: MarkerEvents): void
}

const keyOf = (item: ViewItem) => (item.kind === 'talk' ? `t${item.index}` : `c${item.id}`)

/**
 * `afterRender` runs after each view is drawn (the base layers hide seat labels under markers).
 * Until `full` is ready only the first view's clusters are known: a new view or a cluster's
 * expansion waits for all talks' points (and asks for them).
 */
export function markerLayer(
  map: L.Map,
  container: HTMLElement,
  clusters: TalkClusters,
  columns: MapColumns,
  afterRender: () => void,
  full: Demand = present,
): MarkerLayer {
  const layer = L.featureGroup().addTo(map)
  const icons = venueIcons()
  /** Marker of each talk (by index in the data), once a view has shown it. */
  const markers: (L.Marker | undefined)[] = new Array(columns.size)
  /** What each marker stands for. Weak: a cluster's entry goes with its marker. */
  const shownAs = new WeakMap<L.Marker, ViewItem>()
  /** The markers on the map, by `keyOf`. */
  let onMap = new Map<string, L.Marker>()
  let text: MapText | null = null
  const popup = L.popup({ maxWidth: 300, offset: [0, -8] })
  /** The talk whose popup is open (cleared when it closes). */
  let popupIndex: number | undefined
  let drawId = 0
  let finishDraw: (() => void) | null = null
  let drawn = Promise.resolve()

  const titleOf = (t: MapText, index: number) =>
    markerTitle(t.titles[index]!, TYPES[columns.type[index]!]!, t.venues[index]!)

  function talkMarker(index: number): L.Marker {
    let marker = markers[index]
    if (!marker) {
      const position = clusters.positionOf(index)!
      marker = L.marker([position.lat, position.lng], {
        icon: icons[TYPES[columns.type[index]!]!],
        keyboard: true,
        title: text ? titleOf(text, index) : '',
      })
      markers[index] = marker
    }
    return marker
  }

  /** Puts the markers of the current view on the map, reusing those already there. */
  function renderView() {
    const zoom = map.getZoom()
    const b = map.getBounds().pad(0.25)
    const items = clusters.view([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)
    const next = new Map<string, L.Marker>()
    for (const item of items) {
      const k = keyOf(item)
      let marker = onMap.get(k)
      if (!marker) {
        marker = item.kind === 'talk' ? talkMarker(item.index) : clusterMarker(item)
        shownAs.set(marker, item)
      }
      // Talks too close to tell apart (at one venue, say) sit on a ring at the top zoom, each reachable.
      if (item.kind === 'talk')
        marker.setLatLng(
          item.ring
            ? map.unproject(map.project(item.ring.centre, zoom).add(item.ring.offset), zoom)
            : [item.position.lat, item.position.lng],
        )
      next.set(k, marker)
    }
    for (const [k, marker] of onMap) if (!next.has(k)) layer.removeLayer(marker)
    for (const [k, marker] of next) if (!onMap.has(k)) layer.addLayer(marker)
    onMap = next
    afterRender()
  }

  async function paint(talks: number[]) {
    const id = ++drawId
    // The build's preview of all talks stands in for the index when the filter keeps them all.
    clusters.load(talks, columns.preview)
    renderView()
    await new Promise((resolve) => requestAnimationFrame(resolve))
    if (id !== drawId) return
    container.dataset.ready = 'true'
    const finish = finishDraw
    finishDraw = null
    finish?.()
    // Drawn from the preview: the index the next pan or zoom needs is built once this view is painted
    // (from all talks' points: with the first view's alone, the draw that follows their coming does it).
    if (!clusters.indexed && full.ready) setTimeout(() => clusters.build())
  }

  /** Keeps the keyboard in the map when a focused cluster goes: on the marker nearest to where it was. */
  function focusNear(position: LatLng) {
    const shown = [...onMap.values()].filter((m) => m.getElement() && map.getBounds().contains(m.getLatLng()))
    const at = map.latLngToContainerPoint([position.lat, position.lng])
    const i = nearest(
      shown.map((m) => map.latLngToContainerPoint(m.getLatLng())),
      at,
    )
    ;(i < 0 ? container : shown[i]!.getElement()!).focus()
  }

  /** Zooms into a cluster: to where it splits (its talks at one venue part at the top zoom). */
  function openCluster(item: Extract<ViewItem, { kind: 'cluster' }>, focused: boolean) {
    const zoom = Math.min(map.getMaxZoom(), Math.max(clusters.expansionZoom(item.id), Math.floor(map.getZoom()) + 1))
    // Its element goes with this view: focus must not fall back to the page.
    if (focused) map.once('moveend', () => focusNear(item.position))
    map.setView([item.position.lat, item.position.lng], zoom)
  }

  function onKey(event: KeyboardEvent) {
    const target = (event.target as Element).closest?.('.talk-marker, .marker-cluster')
    if ((event.key === 'Enter' || event.key === ' ') && target) {
      const marker = [...onMap.values()].find((m) => m.getElement() === target)
      if (!marker) return
      event.preventDefault()
      marker.fire('click', undefined, true)
    } else if (event.key === 'Escape' && map.hasLayer(popup)) {
      // Closing clears `popupIndex`: keep it to give the focus back to the talk's marker.
      const index = popupIndex
      map.closePopup()
      if (index !== undefined) markers[index]?.getElement()?.focus()
    }
  }

  // Registered before the `once` listeners of `showTalk` and `openCluster`: they find the view drawn.
  map.on('moveend', () => full.need(renderView))

  return {
    clusters,
    get drawn() {
      return drawn
    },
    draw(talks) {
      if (!finishDraw) {
        container.dataset.ready = 'false'
        drawn = new Promise<void>((resolve) => (finishDraw = resolve))
      }
      void paint(talks)
    },
    setText(t) {
      markers.forEach((marker, i) => {
        if (!marker) return
        marker.options.title = titleOf(t, i)
        marker.getElement()?.setAttribute('title', marker.options.title)
      })
      text = t
    },
    showTalk(index) {
      const position = clusters.positionOf(index)
      if (!position || !clusters.has(index)) return Promise.resolve(undefined)
      const zoom = Math.max(map.getZoom(), clusters.zoomToShow(index, map.getZoom()))
      const shown = () => onMap.get(`t${index}`)
      const target = L.latLng(position.lat, position.lng)
      if (zoom === map.getZoom() && map.getBounds().contains(target) && shown()) return Promise.resolve(shown())
      return new Promise((resolve) => {
        map.once('moveend', () => resolve(shown()))
        map.setView(target, zoom)
      })
    },
    openPopup(index, html) {
      popupIndex = index
      popup.setLatLng(markers[index]!.getLatLng()).setContent(html).openOn(map)
    },
    popupOn: (index) => popupIndex === index && map.hasLayer(popup),
    closePopup: () => map.closePopup(),
    listen(events) {
      layer.on('click', (event) => {
        const from = (event as L.LeafletEvent).propagatedFrom as L.Marker
        const item = shownAs.get(from)
        if (item?.kind === 'cluster') {
          const focused = document.activeElement === from.getElement()
          full.need(() => openCluster(item, focused))
        } else if (item?.kind === 'talk') events.talk(item.index)
      })
      container.addEventListener('keydown', onKey)
      // Leaflet names its close button in English.
      map.on('popupopen', (event) => {
        const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button')
        close?.setAttribute('aria-label', '关闭')
        close?.setAttribute('title', '关闭')
      })
      map.on('popupclose', (event) => {
        if (event.popup !== popup) return
        const closed = popupIndex
        popupIndex = undefined
        if (closed !== undefined) events.popupClosed(closed)
      })
    },
  }
}
