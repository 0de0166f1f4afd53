/**
 * The talk map island (vanilla TS, bundled only into /map/). It enhances the server-rendered
 * filters and count and renders the list from the map data: one state (filters + selected talk)
 * drives the markers, the list, the live count and the URL, so they never disagree.
 *
 * The data comes in two files fetched at once (`site/lib/map/data.ts`): the markers are drawn from
 * the points as soon as they are in; the list, the markers' titles, popups and a talk selected in
 * the URL wait for the text.
 */
import 'leaflet/dist/leaflet.css'
import 'leaflet.markercluster/dist/MarkerCluster.css'
import 'leaflet.markercluster/dist/MarkerCluster.Default.css'
import './map.css'
import L from 'leaflet'
import { createBaseLayers, maxZoomOf } from '../../../studio/lib/map/baseLayers'
import { effectiveConfig, providerSpec, type LatLng, type ProviderSpec } from '../../../studio/lib/map/providers'
import { checkMapText, decodeMapPoints, talkAt, TYPES, type MapPoints, type MapText } from '../../lib/map/data'
import { firstShown, listItemHtml, moreShown, shownToInclude } from '../../lib/map/list'
import { budgetedYield, FIRST_BATCH, forEachInSlices, nextBatchSize } from '../../lib/map/schedule'
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
  type Vocabulary,
  type MapState,
} from '../../lib/map/state'
import { venueSymbol, venueTitle } from '../../lib/map/symbols'
import type { VenueType } from '../../../studio/lib/vocabulary'
import { TalkListView } from './listView'

/** For browser tests and benchmarks: marker counts/positions and when drawing has finished. */
export interface MapTestHook {
  map: L.Map
  cluster: L.MarkerClusterGroup
  /** Ids of the talks whose markers are in the cluster group (clustered or not). */
  markerIds(): string[]
  /** Where a talk's marker is drawn (display datum), or null. */
  latLngOf(id: string): { lat: number; lng: number } | null
  /**
   * Resolves when the markers of the current filter are all drawn, the text (list, popups) is in
   * and the list is rendered (which waits for the list to come near the viewport).
   */
  drawn(): Promise<void>
  /** Resolves when the text is in (the list may still wait). */
  textLoaded(): Promise<void>
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
      // A 24 px target around the 22 px symbol: the minimum touch target size (WCAG 2.5.8).
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -11],
    })
  return { enterprise: icon('enterprise'), school: icon('school'), community: icon('community') }
}

/** WGS84 → the tiles' datum. gcoord is downloaded only when the provider draws in GCJ-02 (Gaode). */
async function datumShift(spec: ProviderSpec): Promise<(point: LatLng, spec: ProviderSpec) => LatLng> {
  if (spec.datum === 'WGS84') return (point) => point
  const { toDisplay } = await import('../../../studio/lib/map/datum')
  return toDisplay
}

export async function initTalkMap(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-talk-map]')
  const form = document.querySelector<HTMLFormElement>('[data-map-filters]')
  const list = document.querySelector<HTMLElement>('[data-talk-list]')
  const scroller = document.querySelector<HTMLElement>('[data-talk-list-scroll]')
  const more = document.querySelector<HTMLButtonElement>('[data-list-more]')
  const partial = document.querySelector<HTMLElement>('[data-list-partial]')
  const status = document.querySelector<HTMLElement>('[data-map-count]')
  const pointsUrl = container?.dataset.points
  const textUrl = container?.dataset.text
  if (!container || !pointsUrl || !textUrl || !form || !list || !scroller || !more || !partial || !status) return

  // leaflet.markercluster is a UMD bundle that extends the global `L`; fetched with the data.
  window.L = L
  const clustering = import('leaflet.markercluster')
  const fetchOk = async (url: string) => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`map data: ${response.status} ${response.url}`)
    return response
  }
  // Both files download at once; only the points hold up the markers. The text is parsed once the
  // first draw is done, so its parsing does not hold up the draw either.
  const textResponse = fetchOk(textUrl)
  textResponse.catch(() => undefined)
  const columns = decodeMapPoints((await (await fetchOk(pointsUrl)).json()) as MapPoints)
  const spec = providerSpec(effectiveConfig(columns.config))
  const shifting = datumShift(spec)
  let vocab: Vocabulary = vocabularyOf(columns)
  const [toDisplay] = await Promise.all([shifting, clustering])
  // Start-up is a few short tasks, not one long one: the page answers input between them.
  const breathe = budgetedYield()
  await breathe()

  const base = createBaseLayers(L, columns.config, toDisplay)
  await breathe()
  const map = L.map(container, { maxZoom: maxZoomOf(base.spec), minZoom: 4, zoomSnap: 0.5 })
  // A plain-text prefix: Leaflet's default adds a flag icon that says nothing about the map.
  map.attributionControl.setPrefix('Leaflet')
  map.attributionControl.addAttribution(escapeHtml(base.attribution))
  map.fitBounds(base.bounds, { padding: [8, 8] })
  await breathe()
  base.addTo(map, () => {
    const note = document.querySelector<HTMLElement>('[data-map-tile-note]')
    if (note) note.hidden = false
  })
  await breathe()

  // Markers go into the cluster group in batches sized to take a few milliseconds each, and the
  // browser gets a turn between batches: no long task, with 200 talks or 20,000 (markercluster's own
  // chunked loading checks the clock only every 200 markers). A filter change stops a draw under
  // way and starts the new one: `drawn` resolves, and `data-ready` turns "true", only when the
  // markers of the current filter are all in the group and painted (the list and popups may still
  // wait for the text).
  let drawId = 0
  let finishDraw: (() => void) | null = null
  let drawn = Promise.resolve()
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, spiderfyOnMaxZoom: true, maxClusterRadius: 60 })
  map.addLayer(cluster)

  async function draw(next: L.Marker[]) {
    const id = ++drawId
    cluster.clearLayers()
    let batch = FIRST_BATCH
    for (let from = 0; from < next.length;) {
      await breathe()
      if (id !== drawId) return
      const start = performance.now()
      cluster.addLayers(next.slice(from, from + batch), true)
      from += batch
      batch = nextBatchSize(batch, performance.now() - start)
    }
    await new Promise((resolve) => requestAnimationFrame(resolve))
    if (id !== drawId) return
    container!.dataset.ready = 'true'
    const finish = finishDraw
    finishDraw = null
    finish?.()
  }

  // Markers carry no popup or handlers of their own (cheap to create by the ten thousand): the
  // cluster group forwards their clicks (and keyboard Enter) and one shared popup shows the talk.
  // Their titles (accessible names) come with the text.
  const icon = icons()
  /** Marker of each talk (by index in the data), if it has a location. */
  const markers: (L.Marker | undefined)[] = new Array(columns.size)
  const talkOf = new Map<L.Marker, number>()
  const points = markerPoints(columns, (p) => toDisplay(p, base.spec))
  await forEachInSlices(
    points.length,
    (k) => {
      const point = points[k]!
      const marker = L.marker([point.position.lat, point.position.lng], { icon: icon[point.venueType], keyboard: true })
      markers[point.index] = marker
      talkOf.set(marker, point.index)
    },
    breathe,
  )
  await breathe()

  /** The text, once it is in; `whenText` runs what needs it then (at once when it is there). */
  let text: MapText | null = null
  let indexOfId = new Map<string, number>()
  let textIn: () => void
  const textApplied = new Promise<void>((resolve) => (textIn = resolve))
  function whenText(run: (text: MapText) => void) {
    if (text) run(text)
    else void textApplied.then(() => run(text!))
  }

  const popup = L.popup({ maxWidth: 300, offset: [0, -8] })
  let popupTalk: string | undefined
  function openPopup(index: number) {
    popupTalk = text!.ids[index]
    popup
      .setLatLng(markers[index]!.getLatLng())
      .setContent(popupHtml(talkAt(columns, text!, index)))
      .openOn(map)
  }
  cluster.on('click', (event) => {
    const index = talkOf.get((event as L.LeafletEvent).propagatedFrom as L.Marker)
    if (index === undefined) return
    // A click before the text is in opens the popup when it arrives.
    whenText((t) => {
      openPopup(index)
      select(t.ids[index]!, 'map')
    })
  })
  container.addEventListener('keydown', (event) => {
    const target = (event.target as Element).closest?.('.talk-marker')
    if ((event.key === 'Enter' || event.key === ' ') && target) {
      const marker = markers.find((m) => m?.getElement() === target)
      if (!marker) return
      event.preventDefault()
      marker.fire('click', undefined, true)
    } else if (event.key === 'Escape' && map.hasLayer(popup)) {
      const id = popupTalk
      map.closePopup()
      if (id) markerOf(id)?.getElement()?.focus()
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
  /** A talk named by the URL before the text (and so the ids) came in: selected when it does. */
  let pendingTalk: string | undefined
  let drawnFilters: string | undefined
  /** The talks (indices) of the current filter, in list order; the list shows the first of them. */
  let filtered: number[] = []
  const listView = new TalkListView({ list, scroller, more, partial }, (position) => {
    const i = filtered[position]!
    return listItemHtml(talkAt(columns, text!, i), text!.ids[i] === state.talk)
  })

  function markerOf(id: string): L.Marker | undefined {
    const index = indexOfId.get(id)
    return index === undefined ? undefined : markers[index]
  }

  function redraw() {
    const next: L.Marker[] = []
    for (const i of filtered) {
      const marker = markers[i]
      if (marker) next.push(marker)
    }
    if (!finishDraw) {
      container!.dataset.ready = 'false'
      drawn = new Promise<void>((resolve) => (finishDraw = resolve))
    }
    void draw(next)
  }

  /** The list item of a talk, rendered now if the list shows it but has not rendered it yet. */
  function itemOf(id: string | undefined): HTMLElement | null {
    const index = id === undefined ? undefined : indexOfId.get(id)
    const position = index === undefined ? -1 : filtered.indexOf(index)
    if (position < 0 || position >= listView.shown) return null
    listView.ensure(position + 1)
    return listView.item(position)
  }

  function showMore() {
    if (!text || listView.shown >= filtered.length) return
    const first = listView.shown
    listView.grow(moreShown(first, filtered.length))
    // The button disappears with the last page: keep the keyboard where the new items start.
    if (more!.hidden && document.activeElement === more) {
      listView.ensure(first + 1)
      ;(listView.item(first)?.querySelector('a') as HTMLElement | null)?.focus()
    }
  }

  /** Shows a talk's marker (zooming in or spiderfying as needed) and opens its popup. */
  function reveal(id: string, focus: boolean) {
    const index = indexOfId.get(id)
    const marker = index === undefined ? undefined : markers[index]
    if (index === undefined || !marker) return
    void drawn.then(() => {
      if (state.talk !== id || !cluster.hasLayer(marker)) return
      cluster.zoomToShowLayer(marker, () => {
        if (state.talk !== id) return
        if (popupTalk !== id || !map.hasLayer(popup)) openPopup(index)
        if (focus) marker.getElement()?.focus()
      })
    })
  }

  function apply(next: MapState, history: 'push' | 'replace' | 'none') {
    const filterKey = serialiseState({ ...next, talk: undefined })
    const refilter = filterKey !== drawnFilters
    const matching = refilter ? filterTalks(columns, next) : filtered
    const talkIndex = next.talk === undefined ? undefined : indexOfId.get(next.talk)
    const index = talkIndex === undefined ? -1 : matching.indexOf(talkIndex)
    if (next.talk && index < 0) next = { ...next, talk: undefined }
    const previous = state
    state = next
    // The reader's own choice replaces a talk the URL named before the text came in.
    if (history !== 'none') pendingTalk = undefined

    for (const key of FILTER_KEYS) {
      const select = form!.elements.namedItem(key) as HTMLSelectElement | null
      if (select) select.value = next[key] === undefined ? '' : String(next[key])
    }
    const line = statusText(matching.length)
    if (status!.textContent !== line) status!.textContent = line

    if (refilter) {
      drawnFilters = filterKey
      filtered = matching
      // A selected talk beyond the first page is rendered too, so list and map agree (the list
      // waits for the text).
      if (text) listView.reset(shownToInclude(firstShown(filtered.length), index, filtered.length), filtered.length)
      redraw()
    } else {
      itemOf(previous.talk)?.removeAttribute('aria-current')
      if (text) listView.grow(shownToInclude(listView.shown, index, filtered.length))
      itemOf(next.talk)?.setAttribute('aria-current', 'true')
    }
    if (!next.talk && previous.talk) map.closePopup()

    const url = `${location.pathname}${serialiseState(next)}${location.hash}`
    if (history !== 'none' && url !== `${location.pathname}${location.search}${location.hash}`) {
      if (history === 'push') window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    }
  }

  /** Scrolls the list (not the page: the map stays in view) to show a talk's item. */
  function scrollListTo(id: string) {
    const li = itemOf(id)
    if (!li) return
    const top = li.getBoundingClientRect().top - scroller!.getBoundingClientRect().top
    if (top < 0 || top + li.offsetHeight > scroller!.clientHeight) scroller!.scrollTop += top
  }

  function select(id: string, from: 'map' | 'list' | 'url') {
    apply({ ...state, talk: id }, from === 'url' ? 'none' : 'push')
    if (from !== 'list') scrollListTo(id)
    if (from !== 'map') reveal(id, from === 'list')
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
    pendingTalk = text ? undefined : next.talk
    apply({ ...next, talk: undefined }, 'none')
    if (next.talk && text) select(next.talk, 'url')
    else map.closePopup()
  }

  /** Normalises the address (drops parameters that were ignored) without a new history entry. */
  function normaliseUrl() {
    const query = serialiseState({ ...state, talk: state.talk ?? pendingTalk })
    window.history.replaceState(null, '', `${location.pathname}${query}${location.hash}`)
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
  more.addEventListener('click', showMore)
  // Scrolling near the end of the list shows the next page (the button is the sentinel).
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore(), {
      root: scroller,
      rootMargin: '0px 0px 600px 0px',
    }).observe(more)
  }
  window.addEventListener('popstate', applyUrl)

  form.hidden = false

  applyUrl()
  normaliseUrl()

  drawn
    .then(() => textResponse)
    .then((response) => response.json() as Promise<MapText>)
    .then(
      (json) => {
        const t = checkMapText(json, columns)
        const title = (i: number) => `${t.titles[i]}（${venueTitle(TYPES[columns.type[i]!]!)}，${t.venues[i]}）`
        markers.forEach((marker, i) => {
          if (!marker) return
          marker.options.title = title(i)
          marker.getElement()?.setAttribute('title', marker.options.title)
        })
        text = t
        indexOfId = new Map(t.ids.map((id, i) => [id, i]))
        vocab = { ...vocab, talks: indexOfId }
        listView.reset(firstShown(filtered.length), filtered.length)
        if (pendingTalk !== undefined) {
          // Now the id can be checked (and named as ignored if the data does not know it).
          applyUrl()
          normaliseUrl()
        }
        textIn()
      },
      (error: unknown) => {
        console.error(error)
        partial.hidden = false
        partial.textContent = '列表加载失败，请刷新页面重试。'
      },
    )

  window.__laomoMap = {
    map,
    cluster,
    markerIds: () =>
      cluster.getLayers().flatMap((l) => {
        const index = talkOf.get(l as L.Marker)
        return index === undefined || !text ? [] : [text.ids[index]!]
      }),
    latLngOf: (id) => {
      const ll = markerOf(id)?.getLatLng()
      return ll ? { lat: ll.lat, lng: ll.lng } : null
    },
    drawn: () => textApplied.then(() => drawn).then(() => listView.settled()),
    textLoaded: () => textApplied,
  }
  window.__laomoMapReady = drawn
}
