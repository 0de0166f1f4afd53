/**
 * What a reader sees, measured in the page: text sizes and contrast from computed styles, tap targets,
 * overlapping or clipped text, text over images. Each check returns failures as readable lines
 * ("<what> <selector-ish>: <figure>"), empty when the page passes. Used by the 长辈模式, reflow and
 * controls tests; the map's own drawing (tiles, markers, labels) is left out: the map is a picture.
 */
import type { Page } from 'playwright-core'
import { expectedCounts, pageTypes } from './expected'

/** Every page type of expected.ts, plus the map and the schools page (forms). */
export async function readerPages(): Promise<Record<string, string>> {
  return { ...(await pageTypes()), map: '/map/', schools: '/schools/' }
}
export { expectedCounts }

/** Waits for what each page fills in after load, so the checks see the page as a reader does. */
export async function settle(page: Page, name: string): Promise<void> {
  if (name === 'search') await page.locator('[data-search-results] li').first().waitFor()
  // The map's list is laid out once it is near the viewport (docs/performance.md): bring it there.
  if (name === 'map') {
    await page.locator('[data-talk-list]').scrollIntoViewIfNeeded()
    await page.locator('[data-talk-list] li').first().waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
  }
}

export interface ReaderOptions {
  /** Smallest text size (px) in main. */
  minFont?: number
  /** Smallest contrast of text in main against its background. */
  minContrast?: number
  /** Smallest tap target (px); links inside a sentence are exempt (WCAG 2.5.8 "inline"). */
  minTarget?: number
  /** Check that no text sits over an image. */
  noTextOverImages?: boolean
  /** Only text inside this element counts (a menu that opens over the page on purpose). */
  within?: string
}

/** Runs in the page: every check of `options`, and always overflow, overlap and clipped text. */
export function readerFailures(page: Page, options: ReaderOptions): Promise<string[]> {
  return page.evaluate((o) => {
    const fails: string[] = []
    const SKIP = '.leaflet-pane, .leaflet-control-attribution, svg, .visually-hidden, script, style, noscript, template'
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : ''
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      return `${el.tagName.toLowerCase()}${id}${cls} "${(el.textContent ?? '').trim().slice(0, 24)}"`
    }
    // Closed <details> keep their content laid out but not rendered (content-visibility): checkVisibility knows.
    const shown = (el: Element) =>
      el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true })
    // Text nodes a reader can see, each with its parent element and its line boxes.
    const texts: { el: Element; rects: DOMRect[] }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim() || el.closest(SKIP) || !shown(el)) continue
      if (o.within && !el.closest(o.within)) continue
      const range = document.createRange()
      range.selectNodeContents(n)
      // What a box that hides its overflow (an ellipsis, a scroller) cuts off is not on screen.
      let clip = new DOMRect(-1e6, -1e6, 2e6, 2e6)
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue
        const b = a.getBoundingClientRect()
        const [l, t] = [Math.max(clip.left, b.left), Math.max(clip.top, b.top)]
        clip = new DOMRect(l, t, Math.min(clip.right, b.right) - l, Math.min(clip.bottom, b.bottom) - t)
      }
      const rects = [...range.getClientRects()]
        .map((r) => {
          const [l, t] = [Math.max(r.left, clip.left), Math.max(r.top, clip.top)]
          return new DOMRect(l, t, Math.min(r.right, clip.right) - l, Math.min(r.bottom, clip.bottom) - t)
        })
        .filter((r) => r.width > 2 && r.height > 2)
      if (rects.length) texts.push({ el, rects })
    }

    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth)
      fails.push(`horizontal scroll: page ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`)

    // Overlapping text: line boxes of different text nodes sharing more than 2 px both ways.
    const boxes = texts.flatMap((t, i) => t.rects.map((r) => ({ i, r })))
    boxes.sort((a, b) => a.r.top - b.r.top)
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length && boxes[b]!.r.top < boxes[a]!.r.bottom - 2; b++) {
        const [p, q] = [boxes[a]!, boxes[b]!]
        if (p.i === q.i) continue
        const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left)
        const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top)
        if (w > 2 && h > 2) fails.push(`overlapping text: ${name(texts[p.i]!.el)} and ${name(texts[q.i]!.el)}`)
      }
    }

    // Clipped text: a box that hides overflow with text wider or taller than it (not on purpose: ellipsis).
    for (const el of new Set(texts.map((t) => t.el))) {
      const box = el as HTMLElement
      const s = getComputedStyle(box)
      const clipsX = /hidden|clip/.test(s.overflowX) && s.textOverflow !== 'ellipsis'
      const clipsY = /hidden|clip/.test(s.overflowY) && !s.webkitLineClamp.match(/\d/)
      if ((clipsX && box.scrollWidth > box.clientWidth + 1) || (clipsY && box.scrollHeight > box.clientHeight + 1))
        fails.push(
          `clipped text: ${name(box)} (${box.scrollWidth}×${box.scrollHeight} in ${box.clientWidth}×${box.clientHeight})`,
        )
    }

    const main = document.querySelector('main')!
    const inMain = texts.filter((t) => main.contains(t.el))
    if (o.minFont)
      for (const t of inMain) {
        const size = Number.parseFloat(getComputedStyle(t.el).fontSize)
        if (size < o.minFont - 0.01) fails.push(`small text: ${name(t.el)} ${size} px`)
      }

    if (o.minContrast) {
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!)
      }
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = parse(getComputedStyle(el).backgroundColor)
          if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3)
        }
        return [255, 255, 255]
      }
      for (const t of inMain) {
        const fg = parse(getComputedStyle(t.el).color)
        const [l1, l2] = [lum(fg), lum(background(t.el))].sort((a, b) => b - a)
        const ratio = (l1! + 0.05) / (l2! + 0.05)
        if (ratio < o.minContrast) fails.push(`low contrast: ${name(t.el)} ${ratio.toFixed(2)}:1`)
      }
    }

    if (o.minTarget) {
      const controls = document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      )
      for (const el of controls) {
        if (el.closest('.leaflet-marker-pane, .leaflet-control-attribution') || !shown(el)) continue
        // A checkbox or radio is tapped through its label too: the label is the target.
        const label = el.matches('[type=checkbox], [type=radio]') ? (el as HTMLInputElement).labels?.[0] : undefined
        const r = (label ?? el).getBoundingClientRect()
        if (r.width <= 2 || r.height <= 2 || r.bottom < 0) continue // visually hidden, or the skip link off screen
        const parent = el.parentElement!
        const inline =
          el.tagName === 'A' &&
          getComputedStyle(el).display === 'inline' &&
          (parent.textContent ?? '').replace(el.textContent ?? '', '').trim().length > 0
        if (inline) continue
        if (r.width < o.minTarget - 0.5 || r.height < o.minTarget - 0.5)
          fails.push(`small target: ${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`)
      }
    }

    if (o.noTextOverImages) {
      const images = [...document.querySelectorAll('main img, main picture, main video')]
        .filter((img) => !img.closest('.leaflet-pane') && shown(img))
        .map((img) => ({ img, r: img.getBoundingClientRect() }))
      for (const t of inMain)
        for (const { img, r } of images)
          if (
            !img.contains(t.el) &&
            t.rects.some(
              (q) => q.left < r.right - 2 && q.right > r.left + 2 && q.top < r.bottom - 2 && q.bottom > r.top + 2,
            )
          )
            fails.push(`text over an image: ${name(t.el)} over ${name(img)}`)
    }
    return fails
  }, options)
}

/** Form and filter controls a finger uses: at least 16 px text (no zoom on tap) and 44 px tall and wide. */
export function controlFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fails: string[] = []
    for (const el of document.querySelectorAll(
      'main :is(select, input:not([type=hidden]), textarea, button), dialog button',
    )) {
      // The booking form's honeypot is for robots: off screen and hidden from people.
      if (el.closest('.leaflet-pane, [aria-hidden=true]') || el.getClientRects().length === 0) continue
      // A checkbox or radio is used through its label: the label's text and box count.
      const label = el.matches('[type=checkbox], [type=radio]') ? (el as HTMLInputElement).labels?.[0] : undefined
      const r = (label ?? el).getBoundingClientRect()
      if (r.width <= 2) continue
      const size = Number.parseFloat(getComputedStyle(label ?? el).fontSize)
      const what = `${el.tagName.toLowerCase()}[name=${el.getAttribute('name') ?? ''}] "${(el.textContent ?? '').trim().slice(0, 16)}"`
      if (size < 16) fails.push(`${what}: ${size} px text`)
      if (r.height < 43.5 || r.width < 43.5)
        fails.push(`${what}: ${Math.round(r.width)}×${Math.round(r.height)} target`)
    }
    return fails
  })
}
