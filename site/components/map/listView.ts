/**
 * The talk list beside the map, in the DOM. How many items it shows follows `site/lib/map/list.ts`;
 * rendering them is spread over frames, `LIST_SLICE` items each (the layout of a couple of hundred
 * items of Chinese text is one long task on a phone, a few per frame is not), and waits until the
 * list is near the viewport: on a phone it is below the map, and a reader who only uses the map
 * never pays for it.
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

export class TalkListView {
  /** Items the list shows (the first `shown` of the current talks); `rendered` catches up frame by frame. */
  shown = 0
  private rendered = 0
  private total = 0
  private scheduled = false
  private settle: (() => void) | null = null
  private settling = Promise.resolve()
  /** Whether the list is within 200 px of the viewport (always, without IntersectionObserver). */
  private near = !('IntersectionObserver' in window)

  /** `itemHtml(position)` is the item of the current talks' `position`-th talk. */
  constructor(
    private readonly el: ListElements,
    private readonly itemHtml: (position: number) => string,
  ) {
    if (this.near) return
    new IntersectionObserver(
      (entries) => {
        this.near = entries.some((e) => e.isIntersecting)
        if (this.near) this.renderSlice()
      },
      { rootMargin: '200px 0px' },
    ).observe(el.scroller)
  }

  /** New talks (`total` of them): the list restarts at the top with the first `count`. */
  reset(count: number, total: number): void {
    // Back to the top for a new filter (not on the first render: that would force a layout).
    if (this.el.list.firstChild) this.el.scroller.scrollTop = 0
    this.el.list.textContent = ''
    this.rendered = 0
    this.shown = 0
    this.total = total
    this.grow(count)
  }

  /** Shows the first `count` items: the first slice at once, the rest in later frames. */
  grow(count: number): void {
    this.shown = Math.max(this.shown, Math.min(count, this.total))
    const label = moreLabel(this.shown, this.total)
    this.el.more.hidden = !label
    this.el.more.textContent = label
    const note = partialText(this.shown, this.total)
    this.el.partial.hidden = !note
    this.el.partial.textContent = note
    this.renderSlice()
  }

  /** Renders at once up to item `count` (one about to be scrolled to or focused). */
  ensure(count: number): void {
    this.renderUpTo(Math.min(count, this.shown))
  }

  /** The item element at `position`, if rendered. */
  item(position: number): HTMLElement | null {
    return (this.el.list.children[position] as HTMLElement | undefined) ?? null
  }

  /** Resolves when every item shown is rendered (which waits for the list to come near the viewport). */
  settled(): Promise<void> {
    return this.settling
  }

  private renderUpTo(count: number): void {
    if (count <= this.rendered) return
    let html = ''
    for (let position = this.rendered; position < count; position++) html += this.itemHtml(position)
    this.el.list.insertAdjacentHTML('beforeend', html)
    this.rendered = count
  }

  private renderSlice(): void {
    if (this.near) this.renderUpTo(Math.min(this.shown, this.rendered + LIST_SLICE))
    if (this.rendered >= this.shown) {
      const settle = this.settle
      this.settle = null
      settle?.()
      return
    }
    if (!this.settle) this.settling = new Promise((resolve) => (this.settle = resolve))
    if (this.scheduled || !this.near) return
    this.scheduled = true
    afterNextFrame(() => {
      this.scheduled = false
      this.renderSlice()
    })
  }
}
