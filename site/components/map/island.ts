/**
 * The talk map island (vanilla TS, bundled only into /map/): the wiring of its parts. It enhances
 * the server-rendered filters and count and renders the list from the map data.
 *
 * - `mapData.ts`: the data files. /map/ without a query draws its first view and the list's first items
 *   from one small file (`site/lib/map/firstView.ts`); all talks' points and text follow when the
 *   reader reaches for the map, the filters or the list (`demand.ts`). An address with filters or a
 *   talk loads all talks' points (and then their text) at once.
 * - `markerLayer.ts`: the markers of each view (supercluster's clusters, `site/lib/map/clusters.ts`),
 *   the popup and the keyboard in the map; `markerIcons.ts` and `markerLabels.ts` draw and name them.
 * - `controller.ts`: one state (filters + selected talk) drives markers, list, count and URL, so
 *   they never disagree; `filterForm.ts` (with `formValues.ts`) and `listView.ts` are its form and
 *   list in the DOM.
 *
 * With no filter the first view comes from the clusters the build worked out, and the index is
 * built once it is painted; the list, the markers' titles, popups and a talk selected in the URL
 * wait for the text.
 *
 * The parts with state are closures returning their methods, not classes: the minifier shortens
 * local names but not properties, and the map's first view has a byte budget (≤ 80 KB gzip,
 * BENCHMARKS.md).
 */
import 'leaflet/dist/leaflet.css'
import '../../../domain/map/baseLayers.css'
import './map.css'
import L from 'leaflet'
import { createBaseLayers, MAP_MIN_ZOOM, maxZoomOf } from '#domain/map/baseLayers'
import { talkClusters } from '../../lib/map/clusters'
import { budgetedYield } from '../../lib/map/schedule'
import { displayPositions } from '../../lib/map/state'
import { mapController } from './controller'
import { filterForm } from './filterForm'
import { onDemand, present, type Demand } from './demand'
import { loadFirstView, loadMapData } from './mapData'
import { markerLayer } from './markerLayer'

/** For browser tests and benchmarks: marker counts/positions and when drawing has finished. */
export interface MapTestHook {
  map: L.Map
  /** Ids of the talks the map shows with the current filter (in a cluster or alone; after `full`). */
  markerIds(): string[]
  /** Loads all talks' points and text if the first view did not (as a reader's first action does). */
  full(): Promise<void>
  /** Where a talk's marker is drawn (display datum), or null. */
  latLngOf(id: string): { lat: number; lng: number } | null
  /** Zooms in until the talk has a marker of its own; resolves when it is drawn. */
  showTalk(id: string): Promise<void>
  /**
   * Loads all talks (`full`), then resolves when the markers of the current filter are all drawn,
   * the text (list, popups) is in and the list is rendered (which waits for the list to come near
   * the viewport).
   */
  drawn(): Promise<void>
  /** Resolves when the text is in (the list may still wait). */
  textLoaded(): Promise<void>
  /** Whether the cluster index is built (a first view is drawn from the build's preview without it). */
  indexed(): boolean
}

declare global {
  interface Window {
    __laomoMap?: MapTestHook
    __laomoMapReady?: Promise<void>
  }
}

export async function initTalkMap(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-talk-map]')
  const form = document.querySelector<HTMLFormElement>('[data-map-filters]')
  const list = document.querySelector<HTMLElement>('[data-talk-list]')
  const scroller = document.querySelector<HTMLElement>('[data-talk-list-scroll]')
  const more = document.querySelector<HTMLButtonElement>('[data-list-more]')
  const partial = document.querySelector<HTMLElement>('[data-list-partial]')
  const status = document.querySelector<HTMLElement>('[data-map-count]')
  const viewUrl = container?.dataset.view
  const pointsUrl = container?.dataset.points
  const textUrl = container?.dataset.text
  if (!container || !pointsUrl || !textUrl || !form || !list || !scroller || !more || !partial || !status) return

  // The first view's file serves only the address without filters or a talk.
  const light = Boolean(viewUrl) && location.search === ''
  const data = light ? await loadFirstView(viewUrl!) : { ...(await loadMapData(pointsUrl, textUrl)), complete: true }
  const { columns, toDisplay } = data
  // Start-up is a few short tasks, not one long one: the page answers input between them.
  const breathe = budgetedYield()
  await breathe()

  const base = createBaseLayers(L, columns.config, toDisplay)
  await breathe()
  const map = L.map(container, {
    maxZoom: maxZoomOf(base.spec),
    minZoom: MAP_MIN_ZOOM,
    // Quarter steps: the province fills the box on a phone (a half step left it at ~70 % of the width).
    zoomSnap: 0.25,
    zoomControl: false,
  })
  // Leaflet's own control says "Zoom in"/"Zoom out" (title and accessible name): this one says it in Chinese.
  L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map)
  map.fitBounds(base.bounds, { padding: [8, 8] })
  await breathe()
  base.addTo(
    map,
    () => {
      const note = document.querySelector<HTMLElement>('[data-map-tile-note]')
      if (note) note.hidden = false
    },
    // Seat labels yield to the talks' markers and clusters.
    () => container.querySelectorAll('.talk-marker, .marker-cluster'),
  )
  await breathe()

  const display = (c: typeof columns) => displayPositions(c, (p) => toDisplay(p, base.spec))
  const positions = display(columns)
  const clusters = talkClusters({ minZoom: map.getMinZoom(), maxZoom: map.getMaxZoom() }, positions)
  const full: Demand = !data.complete
    ? onDemand(
        async () => {
          const all = await loadMapData(pointsUrl, textUrl)
          const text = await all.readText()
          // In place: the clusters, the markers and the controller hold these objects.
          Object.assign(columns, all.columns)
          const shown = display(columns)
          positions.lat.set(shown.lat)
          positions.lng.set(shown.lng)
          controller.upgrade(text)
        },
        (error) => {
          console.error(error)
          partial.hidden = false
          partial.textContent = '列表加载失败，请刷新页面重试。'
        },
      )
    : present
  const layer = markerLayer(map, container, clusters, columns, () => base.declutter(), full)
  await breathe()

  const controller = mapController(columns, layer, filterForm(form), { list, scroller, more, partial, status }, full)
  controller.start(data.readText)
  // A reader reaching for the map, the filters or the list will need all talks: fetch them now. A
  // pointer (mouse, pen or finger) enters before it presses or turns a wheel, the focus before a key.
  const ask = () => void full.request()
  for (const el of [container, form, scroller])
    for (const type of ['pointerover', 'focusin', 'scroll'])
      el.addEventListener(type, ask, { once: true, passive: true })

  window.__laomoMap = {
    map,
    markerIds: () => controller.idsOf(clusters.indices()),
    full: () => full.request(),
    latLngOf: (id) => {
      const index = controller.indexOf(id)
      const position = index === undefined ? undefined : clusters.positionOf(index)
      return position ?? null
    },
    showTalk: async (id) => {
      await full.request()
      const index = controller.indexOf(id)
      if (index === undefined || !(await layer.showTalk(index))) throw new Error(`talk ${id} is not on the map`)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    },
    drawn: () =>
      full
        .request()
        .then(() => controller.textApplied)
        .then(() => layer.drawn)
        .then(() => controller.listSettled()),
    textLoaded: () => controller.textApplied,
    indexed: () => clusters.indexed,
  }
  window.__laomoMapReady = layer.drawn
}
