/**
 * The talk map's controller: one state (filters + selected talk) drives the markers, the list, the
 * live count, the form and the URL, so they never disagree. A talk is selected from the map, the
 * list or the URL; the reader's own choices go into the history, the URL's do not. A closure, not a
 * class: see `island.ts`.
 */
import { popupHtml } from '../../lib/map/popup'
import { checkMapText, talkAt, type MapColumns, type MapText } from '../../lib/map/data'
import { FIRST_VIEW_PAGE, firstShown, listItemHtml, LIST_PAGE, moreShown, shownToInclude } from '../../lib/map/list'
import {
  filterTalks,
  parseState,
  serialiseState,
  statusText,
  vocabularyOf,
  type MapState,
  type Vocabulary,
} from '../../lib/map/state'
import { present, type Demand } from './demand'
import type { FilterForm } from './filterForm'
import { talkListView, type ListElements } from './listView'
import type { MarkerLayer } from './markerLayer'

export interface MapController {
  /**
   * Takes over the form's, list's and markers' events and applies the URL; once the first view is
   * drawn, reads the text with `readText` (so its parsing does not hold up the draw).
   */
  start(readText: () => Promise<unknown>): void
  /** Resolves when the text is in and applied. */
  textApplied: Promise<void>
  /** The ids of these talks ([] until the text is in). */
  idsOf(indices: number[]): string[]
  indexOf(id: string): number | undefined
  /** Resolves when every list item shown is rendered. */
  listSettled(): Promise<void>
  /**
   * All talks' points are in `columns` now (they held only the first view's) and this is their
   * text: markers, list and filters use them from here on.
   */
  upgrade(text: unknown): void
}

export function mapController(
  columns: MapColumns,
  layer: MarkerLayer,
  form: FilterForm,
  el: ListElements & { status: HTMLElement },
  full: Demand = present,
): MapController {
  const { list, scroller, more, partial, status } = el
  let state: MapState = {}
  /** A talk named by the URL before the text (and so the ids) came in: selected when it does. */
  let pendingTalk: string | undefined
  let drawnFilters: string | undefined
  /** The talks (indices) of the current filter, in list order; the list shows the first of them. */
  let filtered: number[] = []
  let text: MapText | null = null
  let indexOfId = new Map<string, number>()
  let vocab: Vocabulary = vocabularyOf(columns)
  let textIn: () => void
  /** Whether the text is all talks' (the first view's text must not replace it when it comes later). */
  let fullText = false
  /** The first view's text covers only the list's first items: the list grows past them with all talks'. */
  const allText = () => fullText || full.ready
  const textApplied = new Promise<void>((resolve) => (textIn = resolve))
  const listView = talkListView(el, (position) => {
    const i = filtered[position]!
    return listItemHtml(talkAt(columns, text!, i), text!.ids[i] === state.talk)
  })

  /** Runs `run` with the text: at once when it is in, else when it comes. */
  function whenText(run: (text: MapText) => void) {
    if (text) run(text)
    else void textApplied.then(() => run(text!))
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

    form.show(next)
    const line = statusText(matching.length)
    if (status.textContent !== line) status.textContent = line

    if (refilter) {
      drawnFilters = filterKey
      filtered = matching
      // A selected talk beyond the first page is rendered too, so list and map agree (the list
      // waits for the text).
      if (text) listView.reset(shownToInclude(firstShown(filtered.length), index, filtered.length), filtered.length)
      layer.draw(filtered)
    } else {
      itemOf(previous.talk)?.removeAttribute('aria-current')
      if (text && allText()) listView.grow(shownToInclude(listView.shown, index, filtered.length))
      itemOf(next.talk)?.setAttribute('aria-current', 'true')
    }
    if (!next.talk && previous.talk) layer.closePopup()

    const url = `${location.pathname}${serialiseState(next)}${location.hash}`
    if (history !== 'none' && url !== `${location.pathname}${location.search}${location.hash}`) {
      if (history === 'push') window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    }
  }

  function select(id: string, from: 'map' | 'list' | 'url') {
    apply({ ...state, talk: id }, from === 'url' ? 'none' : 'push')
    if (from !== 'list') scrollListTo(id)
    if (from !== 'map') reveal(id, from === 'list')
  }

  const openPopup = (index: number) => layer.openPopup(index, popupHtml(talkAt(columns, text!, index)))

  /** Shows a talk's marker (zooming in as needed) and opens its popup. */
  function reveal(id: string, focus: boolean) {
    const index = indexOfId.get(id)
    if (index === undefined || !layer.clusters.positionOf(index)) return
    void layer.drawn.then(async () => {
      if (state.talk !== id) return
      const marker = await layer.showTalk(index)
      if (!marker || state.talk !== id) return
      if (!layer.popupOn(index)) openPopup(index)
      if (focus) marker.getElement()?.focus()
    })
  }

  /** The list item of a talk, rendered now if the list shows it but has not rendered it yet. */
  function itemOf(id: string | undefined): HTMLElement | null {
    const index = id === undefined ? undefined : indexOfId.get(id)
    const position = index === undefined ? -1 : filtered.indexOf(index)
    if (position < 0 || position >= listView.shown) return null
    listView.ensure(position + 1)
    return listView.item(position)
  }

  /** Shows the page after the first `from` items (all talks coming in may have grown the list meanwhile). */
  function showMore(from = listView.shown) {
    if (!text || from >= filtered.length) return
    listView.grow(moreShown(from, filtered.length))
    // The button disappears with the last page: keep the keyboard where the new items start.
    if (more.hidden && document.activeElement === more) {
      listView.ensure(from + 1)
      ;(listView.item(from)?.querySelector('a') as HTMLElement | null)?.focus()
    }
  }

  /** Scrolls the list (not the page: the map stays in view) to show a talk's item. */
  function scrollListTo(id: string) {
    const li = itemOf(id)
    if (!li) return
    const top = li.getBoundingClientRect().top - scroller.getBoundingClientRect().top
    if (top < 0 || top + li.offsetHeight > scroller.clientHeight) scroller.scrollTop += top
  }

  /** Applies the form; a name the worker box does not know gets a note (after apply, which clears notes). */
  function applyForm(event: Event) {
    const { filters, unknownWorker } = form.read(state.worker, vocab)
    apply({ ...filters, talk: state.talk }, 'push')
    if (unknownWorker !== null && event.type === 'change') form.noteUnknownWorker(unknownWorker)
  }

  function applyUrl() {
    const { state: next, ignored } = parseState(location.search, vocab)
    form.noteIgnored(ignored)
    pendingTalk = text ? undefined : next.talk
    apply({ ...next, talk: undefined }, 'none')
    if (next.talk && text) select(next.talk, 'url')
    else layer.closePopup()
  }

  /** Normalises the address (drops parameters that were ignored) without a new history entry. */
  function normaliseUrl() {
    const query = serialiseState({ ...state, talk: state.talk ?? pendingTalk })
    window.history.replaceState(null, '', `${location.pathname}${query}${location.hash}`)
  }

  function listen() {
    layer.listen({
      // A click before the text is in opens the popup when it arrives.
      talk: (index) =>
        whenText((t) => {
          openPopup(index)
          select(t.ids[index]!, 'map')
        }),
      // Closing by the reader deselects the talk.
      popupClosed: (index) => {
        if (text && state.talk === text.ids[index]) apply({ ...state, talk: undefined }, 'replace')
      },
    })
    // Filters, the list's next page, a talk's place on the map and the history need all talks.
    form.listen(
      (event) => full.need(() => applyForm(event)),
      () => full.need(() => apply({}, 'push')),
    )
    list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('[data-locate]')
      const id = button?.closest<HTMLElement>('li[data-talk-id]')?.dataset.talkId
      if (id) full.need(() => select(id, 'list'))
    })
    more.addEventListener('click', () => {
      const from = listView.shown
      full.need(() => showMore(from))
    })
    // Scrolling near the end of the list shows the next page (the button is the sentinel).
    if ('IntersectionObserver' in window) {
      // Not before the reader scrolls, while the first view's items are still being laid out: the
      // button then sits near the top, and would fetch all talks for a reader who never scrolls.
      const near = (entries: IntersectionObserverEntry[]) => entries.some((e) => e.isIntersecting)
      new IntersectionObserver(
        (entries) => near(entries) && (full.ready || scroller.scrollTop > 0) && full.need(() => showMore()),
        {
          root: scroller,
          rootMargin: '0px 0px 600px 0px',
        },
      ).observe(more)
    }
    window.addEventListener('popstate', () => full.need(applyUrl))
  }

  /** Titles, names, worker suggestions and ids from this text. */
  function useText(t: MapText) {
    layer.setText(t)
    text = t
    form.setWorkers(
      columns.workers.map((slug, i) => [slug, t.workers[i]!] as const),
      state.worker,
    )
    indexOfId = new Map(t.ids.map((id, i) => [id, i]))
    vocab = { ...vocab, talks: indexOfId }
  }

  /** The text is in: checks it against the points, then titles, names, the list and a pending talk. */
  function textArrived(json: unknown) {
    useText(checkMapText(json as MapText, columns))
    listView.reset(firstShown(filtered.length, allText() ? LIST_PAGE : FIRST_VIEW_PAGE), filtered.length)
    if (pendingTalk !== undefined) {
      // Now the id can be checked (and named as ignored if the data does not know it).
      applyUrl()
      normaliseUrl()
    }
    textIn()
  }

  return {
    start(readText) {
      listen()
      form.element.hidden = false
      applyUrl()
      normaliseUrl()
      layer.drawn.then(readText).then(
        (json) => fullText || textArrived(json),
        (error: unknown) => {
          console.error(error)
          partial.hidden = false
          partial.textContent = '列表加载失败，请刷新页面重试。'
        },
      )
    },
    textApplied,
    idsOf: (indices) => (text ? indices.map((i) => text!.ids[i]!) : []),
    indexOf: (id) => indexOfId.get(id),
    listSettled: () => listView.settled(),
    upgrade(json) {
      fullText = true
      vocab = vocabularyOf(columns)
      // The list's items so far are the same talks: it goes on from them, with all talks' text.
      if (text) useText(checkMapText(json as MapText, columns))
      else textArrived(json)
      // Drawn again from all talks' points: the index is built from them.
      filtered = filterTalks(columns, state)
      layer.draw(filtered)
      // The list's short first page becomes a whole one, with the talk chosen meanwhile.
      const chosen = state.talk === undefined ? -1 : filtered.indexOf(indexOfId.get(state.talk) ?? -1)
      listView.grow(shownToInclude(firstShown(filtered.length), chosen, filtered.length))
      itemOf(state.talk)?.setAttribute('aria-current', 'true')
    },
  }
}
