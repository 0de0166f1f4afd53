/**
 * The talk map island (vanilla TS, bundled only into /map/). It enhances the server-rendered
 * filters and count and renders the list from the map data: one state (filters + selected talk)
 * drives the markers, the list, the live count and the URL, so they never disagree.
 *
 * The data comes in two files fetched at once (`site/lib/map/data.ts`): the markers are drawn from
 * the points as soon as they are in; the list, the markers' titles, popups and a talk selected in
 * the URL wait for the text.
 *
 * Clustering is supercluster's (`site/lib/map/clusters.ts`): each filter indexes its talks, and each
 * view (pan or zoom) turns only the clusters and talks it shows into markers. With no filter the
 * first view comes from the clusters the build worked out, and the index is built once it is painted.
 */
import 'leaflet/dist/leaflet.css'
import '../../../domain/map/baseLayers.css'
import './map.css'
import L from 'leaflet'
import { createBaseLayers, MAP_MIN_ZOOM, maxZoomOf } from '#domain/map/baseLayers'
import { effectiveConfig, providerSpec, type LatLng, type ProviderSpec } from '#domain/map/providers'
import { clusterLabel, clusterSize, talkClusters } from '../../lib/map/clusters'
import { checkMapText, decodeMapPoints, talkAt, TYPES, type MapPoints, type MapText } from '../../lib/map/data'
import { firstShown, listItemHtml, moreShown, shownToInclude } from '../../lib/map/list'
import { budgetedYield } from '../../lib/map/schedule'
import { nearest } from '../../lib/map/nearest'
import { popupHtml } from '../../lib/map/popup'
import {
  FILTER_KEYS,
  filterTalks,
  matchWorker,
  workerChoices,
  displayPositions,
  parseState,
  serialiseState,
  statusText,
  vocabularyOf,
  type Filters,
  type Vocabulary,
  type MapState,
} from '../../lib/map/state'
import { venueSymbol, venueTitle } from '../../lib/map/symbols'
import type { ViewItem } from '../../lib/map/types'
import type { VenueType } from '#domain/vocabulary'
import { TalkListView } from './listView'

/** For browser tests and benchmarks: marker counts/positions and when drawing has finished. */
export interface MapTestHook {
  map: L.Map
  /** Ids of the talks the map shows with the current filter (in a cluster or alone). */
  markerIds(): string[]
  /** Where a talk's marker is drawn (display datum), or null. */
  latLngOf(id: string): { lat: number; lng: number } | null
  /** Zooms in until the talk has a marker of its own; resolves when it is drawn. */
  showTalk(id: string): Promise<void>
  /**
   * Resolves when the markers of the current filter are all drawn, the text (list, popups) is in
   * and the list is rendered (which waits for the list to come near the viewport).
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
  const { toDisplay } = await import('#domain/map/datum')
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

  const workerBox = form.elements.namedItem('worker') as HTMLInputElement | null
  const workerNote = form.querySelector<HTMLElement>('[data-worker-note]')
  /** The worker box's suggestions, [slug, label] in name order, and each slug's label: set when the text is in. */
  let choices: [string, string][] = []
  let labels = new Map<string, string>()
  const fetchOk = async (url: string) => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`map data: ${response.status} ${response.url}`)
    return response
  }
  // Both files download at once; only the points hold up the markers. The text is parsed once the
  // first draw is done, so its parsing does not hold up the draw either.
  const textResponse = fetchOk(textUrl)
  textResponse.catch(() => undefined)
  // text() and JSON.parse: Chromium's Response.json() took half as long again on 20,000 talks.
  const columns = decodeMapPoints(JSON.parse(await (await fetchOk(pointsUrl)).text()) as MapPoints)
  const spec = providerSpec(effectiveConfig(columns.config))
  const shifting = datumShift(spec)
  let vocab: Vocabulary = vocabularyOf(columns)
  const toDisplay = await shifting
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

  /** The text, once it is in; `whenText` runs what needs it then (at once when it is there). */
  let text: MapText | null = null
  let indexOfId = new Map<string, number>()
  let textIn: () => void
  const textApplied = new Promise<void>((resolve) => (textIn = resolve))
  function whenText(run: (text: MapText) => void) {
    if (text) run(text)
    else void textApplied.then(() => run(text!))
  }

  /** A talk marker's title: its accessible name. */
  const titleOf = (t: MapText, i: number) => `${t.titles[i]}（${venueTitle(TYPES[columns.type[i]!]!)}，${t.venues[i]}）`

  // `drawn` resolves, and `data-ready` turns "true", when the markers of the current filter and
  // view are drawn and painted (the list and popups may still wait for the text).
  let drawId = 0
  let finishDraw: (() => void) | null = null
  let drawn = Promise.resolve()
  const clusters = talkClusters(
    { minZoom: map.getMinZoom(), maxZoom: map.getMaxZoom() },
    displayPositions(columns, (p) => toDisplay(p, base.spec)),
  )
  const layer = L.featureGroup().addTo(map)

  // Markers carry no popup or handlers of their own: the layer forwards their clicks (and keyboard
  // Enter) and one shared popup shows the talk. A talk's marker is made when a view first shows it
  // alone, and kept; its title (accessible name) comes with the text.
  const icon = icons()
  /** Marker of each talk (by index in the data), once a view has shown it. */
  const markers: (L.Marker | undefined)[] = new Array(columns.size)
  /** What each marker stands for: a talk (index) or a cluster. Weak: a cluster's entry goes with its marker. */
  const shownAs = new WeakMap<L.Marker, ViewItem>()
  /** The markers on the map, by `key`. */
  let onMap = new Map<string, L.Marker>()
  const key = (item: ViewItem) => (item.kind === 'talk' ? `t${item.index}` : `c${item.id}`)

  function talkMarker(index: number): L.Marker {
    let marker = markers[index]
    if (!marker) {
      const position = clusters.positionOf(index)!
      marker = L.marker([position.lat, position.lng], {
        icon: icon[TYPES[columns.type[index]!]!],
        keyboard: true,
        title: text ? titleOf(text, index) : '',
      })
      markers[index] = marker
    }
    return marker
  }

  function clusterMarker(item: Extract<ViewItem, { kind: 'cluster' }>): L.Marker {
    const size = clusterSize(item.count)
    const side = size === 'small' ? 34 : size === 'medium' ? 40 : 46
    return L.marker([item.position.lat, item.position.lng], {
      icon: L.divIcon({
        html: `<span>${clusterLabel(item.count)}</span>`,
        className: `marker-cluster marker-cluster-${size}`,
        iconSize: [side, side],
      }),
      keyboard: true,
      title: `${item.count} 场报告会，点击放大`,
    })
  }

  /** Puts the markers of the current view on the map, reusing those already there. */
  function renderView() {
    const zoom = map.getZoom()
    const b = map.getBounds().pad(0.25)
    const items = clusters.view([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)
    const next = new Map<string, L.Marker>()
    for (const item of items) {
      const k = key(item)
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
    base.declutter()
  }

  /** Keeps the keyboard in the map when a focused cluster goes: on the marker nearest to where it was. */
  function focusNear(position: LatLng) {
    const shown = [...onMap.values()].filter((m) => m.getElement() && map.getBounds().contains(m.getLatLng()))
    const at = map.latLngToContainerPoint([position.lat, position.lng])
    const i = nearest(
      shown.map((m) => map.latLngToContainerPoint(m.getLatLng())),
      at,
    )
    ;(i < 0 ? container! : shown[i]!.getElement()!).focus()
  }

  async function draw(next: number[]) {
    const id = ++drawId
    // The build's preview of all talks stands in for the index when the filter keeps them all.
    clusters.load(next, columns.preview)
    renderView()
    await new Promise((resolve) => requestAnimationFrame(resolve))
    if (id !== drawId) return
    container!.dataset.ready = 'true'
    const finish = finishDraw
    finishDraw = null
    finish?.()
    // Drawn from the preview: the index the next pan or zoom needs is built once this view is painted.
    if (!clusters.indexed) setTimeout(() => clusters.build())
  }
  map.on('moveend', renderView)
  await breathe()

  const popup = L.popup({ maxWidth: 300, offset: [0, -8] })
  let popupTalk: string | undefined
  function openPopup(index: number) {
    popupTalk = text!.ids[index]
    popup
      .setLatLng(markers[index]!.getLatLng())
      .setContent(popupHtml(talkAt(columns, text!, index)))
      .openOn(map)
  }
  layer.on('click', (event) => {
    const item = shownAs.get((event as L.LeafletEvent).propagatedFrom as L.Marker)
    if (item?.kind === 'cluster') {
      // Into the cluster: where it splits (its talks at one venue part at the top zoom).
      const zoom = Math.min(map.getMaxZoom(), Math.max(clusters.expansionZoom(item.id), Math.floor(map.getZoom()) + 1))
      // Its element goes with this view; focus must not fall back to the page (after renderView, registered first).
      const focused = document.activeElement === (event as L.LeafletEvent).propagatedFrom.getElement()
      if (focused) map.once('moveend', () => focusNear(item.position))
      map.setView([item.position.lat, item.position.lng], zoom)
      return
    }
    if (item?.kind !== 'talk') return
    const { index } = item
    // A click before the text is in opens the popup when it arrives.
    whenText((t) => {
      openPopup(index)
      select(t.ids[index]!, 'map')
    })
  })
  container.addEventListener('keydown', (event) => {
    const target = (event.target as Element).closest?.('.talk-marker, .marker-cluster')
    if ((event.key === 'Enter' || event.key === ' ') && target) {
      const marker = [...onMap.values()].find((m) => m.getElement() === target)
      if (!marker) return
      event.preventDefault()
      marker.fire('click', undefined, true)
    } else if (event.key === 'Escape' && map.hasLayer(popup)) {
      const id = popupTalk
      map.closePopup()
      if (id) markerOf(id)?.getElement()?.focus()
    }
  })
  // Leaflet names its close button in English.
  map.on('popupopen', (event) => {
    const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button')
    close?.setAttribute('aria-label', '关闭')
    close?.setAttribute('title', '关闭')
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
    if (!finishDraw) {
      container!.dataset.ready = 'false'
      drawn = new Promise<void>((resolve) => (finishDraw = resolve))
    }
    void draw(filtered)
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

  /** Shows a talk's marker (zooming in as needed) and opens its popup. */
  function reveal(id: string, focus: boolean) {
    const index = indexOfId.get(id)
    if (index === undefined || !clusters.positionOf(index)) return
    void drawn.then(async () => {
      if (state.talk !== id) return
      const marker = await showTalk(index)
      if (!marker || state.talk !== id) return
      if (popupTalk !== id || !map.hasLayer(popup)) openPopup(index)
      if (focus) marker.getElement()?.focus()
    })
  }

  /** Zooms in (and pans) until the talk has a marker of its own in view; resolves with that marker. */
  function showTalk(index: number): Promise<L.Marker | undefined> {
    const position = clusters.positionOf(index)
    if (!position || !clusters.has(index)) return Promise.resolve(undefined)
    const zoom = Math.max(map.getZoom(), clusters.zoomToShow(index, map.getZoom()))
    const shown = () => onMap.get(`t${index}`)
    const target = L.latLng(position.lat, position.lng)
    if (zoom === map.getZoom() && map.getBounds().contains(target) && shown()) return Promise.resolve(shown())
    return new Promise((resolve) => {
      // After renderView, which listens to the same event and was registered first.
      map.once('moveend', () => resolve(shown()))
      map.setView(target, zoom)
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
      const control = form!.elements.namedItem(key) as HTMLSelectElement | HTMLInputElement | null
      if (!control) continue
      const value = next[key] === undefined ? '' : String(next[key])
      // The worker box shows the worker's name; the others hold the URL's value.
      control.value = control === workerBox ? (labels.get(value) ?? '') : value
    }
    if (workerNote) workerNote.textContent = ''
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

  /** Fills the worker box's suggestions from the text, and shows the name of a worker the URL chose. */
  function setWorkerChoices(t: MapText) {
    choices = workerChoices(columns.workers.map((slug, i) => [slug, t.workers[i]!] as const))
    labels = new Map(choices)
    form!
      .querySelector('[data-worker-choices]')
      ?.replaceChildren(
        ...choices.map(([, label]) => Object.assign(document.createElement('option'), { value: label })),
      )
    if (workerBox && state.worker) workerBox.value = labels.get(state.worker) ?? ''
  }

  /**
   * The filters the form shows. A worker box that names no one (or several) keeps the worker
   * filter as it is: the other controls still apply.
   */
  function readForm(): { filters: Filters; unknownWorker: string | null } {
    const params = new URLSearchParams()
    let unknownWorker: string | null = null
    for (const key of FILTER_KEYS) {
      const control = form!.elements.namedItem(key) as HTMLSelectElement | HTMLInputElement | null
      let value = control?.value
      if (control && control === workerBox) {
        const slug = matchWorker(control.value, choices)
        if (slug === null) unknownWorker = control.value.trim()
        value = slug ?? state.worker
      }
      if (value) params.set(key, value)
    }
    return { filters: parseState(params, vocab).state, unknownWorker }
  }

  /** Applies the form; a name the worker box does not know gets a note (after apply, which clears notes). */
  function applyForm(event: Event) {
    const { filters, unknownWorker } = readForm()
    apply({ ...filters, talk: state.talk }, 'push')
    if (unknownWorker !== null && workerNote && event.type === 'change')
      workerNote.textContent = `没有找到“${unknownWorker}”。请输入劳模姓名，或从提示中选择一位。`
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

  form.addEventListener('change', applyForm)
  // A suggestion picked, or the box cleared, applies at once; typing waits for Enter or leaving the box.
  workerBox?.addEventListener('input', (event) => {
    const typed = workerBox.value.trim()
    if (!typed || choices.some(([, label]) => label === typed)) applyForm(event)
  })
  // Enter in the worker box commits it with a change event; the form itself never submits.
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
        markers.forEach((marker, i) => {
          if (!marker) return
          marker.options.title = titleOf(t, i)
          marker.getElement()?.setAttribute('title', marker.options.title)
        })
        text = t
        setWorkerChoices(t)
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
    markerIds: () => (text ? clusters.indices().map((i) => text!.ids[i]!) : []),
    latLngOf: (id) => {
      const index = indexOfId.get(id)
      const position = index === undefined ? undefined : clusters.positionOf(index)
      return position ?? null
    },
    showTalk: async (id) => {
      const index = indexOfId.get(id)
      if (index === undefined || !(await showTalk(index))) throw new Error(`talk ${id} is not on the map`)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    },
    drawn: () => textApplied.then(() => drawn).then(() => listView.settled()),
    textLoaded: () => textApplied,
    indexed: () => clusters.indexed,
  }
  window.__laomoMapReady = drawn
}
