/**
 * The talk map island (vanilla TS, bundled only into /map/). It enhances the server-rendered
 * filters, count and list: one state (filters + selected talk) drives the markers, the list,
 * the live count and the URL, so they never disagree.
 */
import 'leaflet/dist/leaflet.css'
import 'leaflet.markercluster/dist/MarkerCluster.css'
import 'leaflet.markercluster/dist/MarkerCluster.Default.css'
import './map.css'
import L from 'leaflet'
import { createBaseLayers, maxZoomOf } from '../../../studio/lib/map/baseLayers'
import { decodeMapData, type CompactMapData, type MapTalk } from '../../lib/map/data'
import { escapeHtml, popupHtml } from '../../lib/map/popup'
import {
  FILTER_KEYS,
  filterTalks,
  markerPoints,
  parseState,
  serialiseState,
  statusText,
  vocabularyOf,
  type Filters,
  type MapState,
} from '../../lib/map/state'
import { venueSymbol, venueTitle } from '../../lib/map/symbols'
import type { VenueType } from '../../../studio/lib/vocabulary'

/** For browser tests and benchmarks: marker counts/positions and when drawing has finished. */
export interface MapTestHook {
  map: L.Map
  cluster: L.MarkerClusterGroup
  /** Ids of the talks whose markers are in the cluster group (clustered or not). */
  markerIds(): string[]
  /** Where a talk's marker is drawn (display datum), or null. */
  latLngOf(id: string): { lat: number; lng: number } | null
  /** Resolves when the markers of the current filter are all drawn. */
  drawn(): Promise<void>
}

declare global {
  interface Window {
    L: typeof L
    __laomoMap?: MapTestHook
    __laomoMapReady?: Promise<void>
  }
}

function icons(): Record<VenueType, L.DivIcon> {
  const icon = (type: VenueType) =>
    L.divIcon({
      html: venueSymbol(type),
      className: `talk-marker talk-marker-${type}`,
      iconSize: [22, 22],
      iconAnchor: [11, 11],
      popupAnchor: [0, -10],
    })
  return { enterprise: icon('enterprise'), school: icon('school'), community: icon('community') }
}

export async function initTalkMap(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-talk-map]')
  const json = document.getElementById('laomo-map-data')
  const form = document.querySelector<HTMLFormElement>('[data-map-filters]')
  const list = document.querySelector<HTMLElement>('[data-talk-list]')
  const status = document.querySelector<HTMLElement>('[data-map-count]')
  if (!container || !json || !form || !list || !status) return

  const data = JSON.parse(json.textContent ?? '') as CompactMapData
  const talks = decodeMapData(data)
  const vocab = vocabularyOf(talks)
  const items = new Map<string, HTMLElement>()
  for (const li of list.querySelectorAll<HTMLElement>('li[data-talk-id]')) items.set(li.dataset.talkId!, li)

  // leaflet.markercluster is a UMD bundle that extends the global `L`.
  window.L = L
  await import('leaflet.markercluster')

  const base = createBaseLayers(L, data.config)
  const map = L.map(container, { maxZoom: maxZoomOf(base.spec), minZoom: 4, zoomSnap: 0.5 })
  // A plain-text prefix: Leaflet's default adds a flag icon that says nothing about the map.
  map.attributionControl.setPrefix('Leaflet')
  map.attributionControl.addAttribution(escapeHtml(base.attribution))
  base.addTo(map, () => {
    const note = document.querySelector<HTMLElement>('[data-map-tile-note]')
    if (note) note.hidden = false
  })
  map.fitBounds(base.bounds, { padding: [8, 8] })

  // Drawing is chunked (smooth with tens of thousands of talks); `drawn` resolves when done.
  let finishDraw: () => void = () => {}
  let drawn = Promise.resolve()
  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 40,
    chunkProgress: (processed, total) => {
      if (processed === total) setTimeout(finishDraw)
    },
  })
  map.addLayer(cluster)

  // Markers carry no popup or handlers of their own (cheap to create by the ten thousand): the
  // cluster group forwards their clicks (and keyboard Enter) and one shared popup shows the talk.
  const icon = icons()
  const markers = new Map<string, L.Marker>()
  const talkOf = new Map<L.Marker, MapTalk>()
  const byId = new Map(talks.map((t) => [t.id, t]))
  for (const point of markerPoints(talks, base.spec)) {
    const talk = byId.get(point.id)!
    const marker = L.marker([point.position.lat, point.position.lng], {
      icon: icon[point.venueType],
      title: `${talk.title}（${venueTitle(talk.venueType)}，${talk.venueName}）`,
      keyboard: true,
    })
    markers.set(talk.id, marker)
    talkOf.set(marker, talk)
  }
  const popup = L.popup({ maxWidth: 300, offset: [0, -8] })
  let popupTalk: string | undefined
  function openPopup(talk: MapTalk) {
    popupTalk = talk.id
    popup.setLatLng(markers.get(talk.id)!.getLatLng()).setContent(popupHtml(talk)).openOn(map)
  }
  cluster.on('click', (event) => {
    const talk = talkOf.get((event as L.LeafletEvent).propagatedFrom as L.Marker)
    if (!talk) return
    openPopup(talk)
    select(talk.id, 'map')
  })
  // Keyboard: Enter/Space on a focused marker opens its talk (Leaflet does this only for bound
  // popups); Esc closes the popup (Leaflet does only while the map container itself has focus).
  container.addEventListener('keydown', (event) => {
    const target = (event.target as Element).closest?.('.talk-marker')
    if ((event.key === 'Enter' || event.key === ' ') && target) {
      const marker = [...markers.values()].find((m) => m.getElement() === target)
      if (!marker) return
      event.preventDefault()
      marker.fire('click', undefined, true)
    } else if (event.key === 'Escape' && map.hasLayer(popup)) {
      const id = popupTalk
      map.closePopup()
      if (id) markers.get(id)?.getElement()?.focus()
    }
  })
  map.on('popupclose', (event) => {
    // Closing by the reader (×, Esc, a click on the map) deselects the talk.
    if (event.popup !== popup) return
    const closed = popupTalk
    popupTalk = undefined
    if (closed && state.talk === closed) apply({ ...state, talk: undefined }, 'replace')
  })

  let state: MapState = {}
  let drawnFilters: string | undefined

  function redraw(filtered: MapTalk[]) {
    container!.dataset.ready = 'false'
    drawn = new Promise<void>((resolve) => {
      finishDraw = () => {
        container!.dataset.ready = 'true'
        resolve()
      }
    })
    cluster.clearLayers()
    cluster.addLayers(filtered.flatMap((t) => markers.get(t.id) ?? []))
  }

  /** Shows a talk's marker (zooming in or spiderfying as needed) and opens its popup. */
  function reveal(id: string, focus: boolean) {
    const marker = markers.get(id)
    if (!marker) return
    void drawn.then(() => {
      if (state.talk !== id || !cluster.hasLayer(marker)) return
      cluster.zoomToShowLayer(marker, () => {
        if (state.talk !== id) return
        if (popupTalk !== id || !map.hasLayer(popup)) openPopup(talkOf.get(marker)!)
        if (focus) marker.getElement()?.focus()
      })
    })
  }

  function apply(next: MapState, history: 'push' | 'replace' | 'none') {
    const filtered = filterTalks(talks, next)
    const ids = new Set(filtered.map((t) => t.id))
    if (next.talk && !ids.has(next.talk)) next = { ...next, talk: undefined }
    const previous = state
    state = next

    for (const key of FILTER_KEYS) {
      const select = form!.elements.namedItem(key) as HTMLSelectElement | null
      if (select) select.value = next[key] === undefined ? '' : String(next[key])
    }
    for (const [id, li] of items) {
      li.hidden = !ids.has(id)
      if (id === next.talk) li.setAttribute('aria-current', 'true')
      else li.removeAttribute('aria-current')
    }
    const text = statusText(filtered.length)
    if (status!.textContent !== text) status!.textContent = text

    const filterKey = serialiseState({ ...next, talk: undefined })
    if (filterKey !== drawnFilters) {
      drawnFilters = filterKey
      redraw(filtered)
    }
    if (!next.talk && previous.talk) map.closePopup()

    const url = `${location.pathname}${serialiseState(next)}${location.hash}`
    if (history !== 'none' && url !== `${location.pathname}${location.search}${location.hash}`) {
      if (history === 'push') window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    }
  }

  function select(id: string, from: 'map' | 'list' | 'url') {
    apply({ ...state, talk: id }, from === 'url' ? 'none' : 'push')
    if (from === 'map') items.get(id)?.scrollIntoView({ block: 'nearest' })
    else reveal(id, from === 'list')
  }

  function readForm(): Filters {
    const params = new URLSearchParams()
    for (const key of FILTER_KEYS) {
      const value = (form!.elements.namedItem(key) as HTMLSelectElement | null)?.value
      if (value) params.set(key, value)
    }
    return parseState(params, vocab).state
  }

  function applyUrl() {
    const { state: next, ignored } = parseState(location.search, vocab)
    const note = form!.querySelector<HTMLElement>('[data-map-ignored]')
    if (note) {
      note.hidden = ignored.length === 0
      note.textContent = ignored.length ? `链接中的以下条件无法识别，已忽略：${ignored.join('，')}` : ''
    }
    apply({ ...next, talk: undefined }, 'none')
    if (next.talk) select(next.talk, 'url')
    else map.closePopup()
  }

  form.addEventListener('change', () => apply({ ...readForm(), talk: state.talk }, 'push'))
  form.addEventListener('submit', (event) => event.preventDefault())
  // `reset` fires before the controls are cleared.
  form.addEventListener('reset', () => setTimeout(() => apply({}, 'push')))
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('[data-locate]')
    const id = button?.closest<HTMLElement>('li[data-talk-id]')?.dataset.talkId
    if (id) select(id, 'list')
  })
  window.addEventListener('popstate', applyUrl)

  form.hidden = false
  for (const button of list.querySelectorAll<HTMLElement>('[data-locate]')) button.hidden = false

  applyUrl()
  // Normalise the address (drops parameters that were ignored) without a new history entry.
  window.history.replaceState(null, '', `${location.pathname}${serialiseState(state)}${location.hash}`)

  window.__laomoMap = {
    map,
    cluster,
    markerIds: () => cluster.getLayers().flatMap((l) => talkOf.get(l as L.Marker)?.id ?? []),
    latLngOf: (id) => {
      const ll = markers.get(id)?.getLatLng()
      return ll ? { lat: ll.lat, lng: ll.lng } : null
    },
    drawn: () => drawn,
  }
  window.__laomoMapReady = drawn
}
