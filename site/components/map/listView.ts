/**
 * The talk list beside the map, in the DOM. How many items it shows follows `site/lib/map/list.ts`;
 * rendering them is spread over frames, `LIST_SLICE` items each (the layout of a couple of hundred
 * items of Chinese text is one long task on a phone, a few per frame is not), and waits until the
 * list is near the viewport: on a phone it is below the map, and a reader who only uses the map
 * never pays for it. A closure, not a class: see `island.ts`.
 */
import { afterNextFrame } from '../../lib/map/schedule'
import { moreLabel, partialText } from '../../lib/map/list'

/** Items added per frame. */
export const LIST_SLICE = 8

export interface ListElements {
  list: HTMLElement
  scroller: HTMLElement
  more: HTMLButtonElement
  partial: HTMLElement
}

export interface TalkListView {
  /** Items the list shows (the first `shown` of the current talks); rendering catches up frame by frame. */
  readonly shown: number
  /** New talks (`total` of them): the list restarts at the top with the first `count`. */
  reset(count: number, total: number): void
  /** Shows the first `count` items: the first slice at once, the rest in later frames. */
  grow(count: number): void
  /** Renders at once up to item `count` (one about to be scrolled to or focused). */
  ensure(count: number): void
  /** The item element at `position`, if rendered. */
  item(position: number): HTMLElement | null
  /** Resolves when every item shown is rendered (which waits for the list to come near the viewport). */
  settled(): Promise<void>
}

/** `itemHtml(position)` is the item of the current talks' `position`-th talk. */
export function talkListView(
  { list, scroller, more, partial }: ListElements,
  itemHtml: (position: number) => string,
): TalkListView {
  let shown = 0
  let rendered = 0
  let total = 0
  let scheduled = false
  let settle: (() => void) | null = null
  let settling = Promise.resolve()
  /** Whether the list is within 200 px of the viewport (always, without IntersectionObserver). */
  let near = !('IntersectionObserver' in window)

  function renderUpTo(count: number) {
    if (count <= rendered) return
    let html = ''
    for (let position = rendered; position < count; position++) html += itemHtml(position)
    list.insertAdjacentHTML('beforeend', html)
    rendered = count
  }

  function renderSlice() {
    if (near) renderUpTo(Math.min(shown, rendered + LIST_SLICE))
    if (rendered >= shown) {
      const done = settle
      settle = null
      done?.()
      return
    }
    if (!settle) settling = new Promise((resolve) => (settle = resolve))
    if (scheduled || !near) return
    scheduled = true
    afterNextFrame(() => {
      scheduled = false
      renderSlice()
    })
  }

  function grow(count: number) {
    shown = Math.max(shown, Math.min(count, total))
    const label = moreLabel(shown, total)
    more.hidden = !label
    more.textContent = label
    const note = partialText(shown, total)
    partial.hidden = !note
    partial.textContent = note
    renderSlice()
  }

  if (!near) {
    new IntersectionObserver(
      (entries) => {
        near = entries.some((e) => e.isIntersecting)
        if (near) renderSlice()
      },
      { rootMargin: '200px 0px' },
    ).observe(scroller)
  }

  return {
    get shown() {
      return shown
    },
    reset(count, newTotal) {
      // Back to the top for a new filter (not on the first render: that would force a layout).
      if (list.firstChild) scroller.scrollTop = 0
      list.textContent = ''
      rendered = 0
      shown = 0
      total = newTotal
      grow(count)
    },
    grow,
    ensure: (count) => renderUpTo(Math.min(count, shown)),
    item: (position) => (list.children[position] as HTMLElement | undefined) ?? null,
    settled: () => settling,
  }
}
