/**
 * Keyboard and screen readers, by behaviour, in Chromium: each page type walked with Tab only. Focus
 * follows reading (document) order, is always visible (the focused element's outline or shadow differs
 * from its look unfocused) and on screen; every control's accessible name is Chinese. On the map, Tab
 * alone reaches the filters, clusters and markers and the list; Enter opens a cluster and a talk's popup,
 * Escape closes it; the live region says how many talks a filter leaves.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, useSite } from './harness'
import { expectedCounts, readerPages, settle } from './reader'

const site = useSite()
const urls = await readerPages()
const DESKTOP = { width: 1366, height: 900 }
/** Enough presses to pass the header and reach well into the content of the longest page. */
const PRESSES = 60

interface Stop {
  label: string
  /** The document order holds: this element comes after the previous stop. */
  inOrder: boolean
  focusLook: string
  onScreen: boolean
  inMap: boolean
  kind: string
}

/** One Tab, then what has focus. The previous element's unfocused look is read now, for comparison. */
async function tab(page: Page): Promise<Stop | null> {
  await page.keyboard.press('Tab')
  return page.evaluate(() => {
    const w = window as unknown as { __prev?: Element; __looks?: string[] }
    const el = document.activeElement
    if (!el || el === document.body) return null
    const look = (e: Element) => {
      const s = getComputedStyle(e)
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow} | ${s.backgroundColor} | ${s.textDecorationLine}`
    }
    const prev = w.__prev
    const inOrder = !prev || prev === el || !!(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
    ;(w.__looks ??= []).push(prev && prev !== el ? look(prev) : '')
    w.__prev = el
    const r = el.getBoundingClientRect()
    return {
      label: `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}"`,
      inOrder,
      focusLook: look(el),
      onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0,
      inMap: !!el.closest('[data-talk-map]'),
      kind: el.matches('.marker-cluster')
        ? 'cluster'
        : el.matches('.talk-marker')
          ? 'marker'
          : el.tagName.toLowerCase(),
    }
  })
}

/** Tabs through the page; checks order, visibility and the looks; returns the stops. */
async function walk(page: Page, presses = PRESSES): Promise<{ stops: Stop[]; failures: string[] }> {
  const stops: Stop[] = []
  for (let i = 0; i < presses; i++) {
    const stop = await tab(page)
    if (!stop) break
    stops.push(stop)
  }
  const unfocused = await page.evaluate(() => (window as unknown as { __looks: string[] }).__looks)
  const failures: string[] = []
  stops.forEach((s, i) => {
    if (!s.inOrder) failures.push(`out of reading order: ${s.label} after ${stops[i - 1]?.label}`)
    if (!s.onScreen) failures.push(`focused off screen: ${s.label}`)
    const after = unfocused[i + 1]
    if (after !== undefined && after !== '' && after === s.focusLook) failures.push(`focus not visible: ${s.label}`)
  })
  return { stops, failures }
}

/** Controls whose accessible name is empty or has no Chinese in it, from Chromium's accessibility tree. */
async function unnamed(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot()
  const roles = 'button|link|textbox|searchbox|combobox|checkbox|radio|spinbutton|slider|switch|tab|menuitem'
  return (
    [...tree.matchAll(new RegExp(`^\\s*- (${roles})(?: "([^"]*)"|\\b(?!:? "))`, 'gm'))]
      .map((m) => ({ role: m[1]!, name: m[2] ?? '' }))
      // An e-mail address or a phone number is its own name in any language (the contact links).
      .filter((c) => !/\p{Script=Han}/u.test(c.name) && !/^([\w.+-]+@[\w.-]+|[\d\s()+-]{7,})$/.test(c.name))
      .map((c) => `${c.role} "${c.name}"`)
  )
}

describe('every page type with the keyboard only', () => {
  it.each(Object.entries(urls))('%s %s', async (name, url) => {
    const { page } = await openPage(site.browser, `${site.origin}${url}`, { viewport: DESKTOP })
    await settle(page, name)
    const { stops, failures } = await walk(page)
    expect(stops.length, name).toBeGreaterThan(3)
    expect(stops[0]!.label, 'the skip link comes first').toContain('跳到正文')
    expect(failures, `${name} ${url}`).toEqual([])
    expect(await unnamed(page), `${name}: controls without a Chinese name`).toEqual([])
    await page.context().close()
  })

  it('the skip link moves focus to the content', async () => {
    const { page } = await openPage(site.browser, `${site.origin}${urls.talk}`, { viewport: DESKTOP })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    const next = await tab(page)
    expect(next?.inMap).toBe(false)
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true)
    await page.context().close()
  })
})

/** What has focus: a cluster or a talk's marker in the map, or something else. */
const focusKind = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return el?.matches('.marker-cluster') ? 'cluster' : el?.matches('.talk-marker') ? 'marker' : 'other'
  })

/** Enter on the focused cluster; waits for the zoom's end and the redraw that follows. */
async function enterCluster(page: Page) {
  type Waiting = { __moved?: Promise<unknown> }
  await page.evaluate(() => {
    ;(window as Waiting).__moved = new Promise((resolve) => window.__laomoMap!.map.once('moveend', resolve))
  })
  await page.keyboard.press('Enter')
  await page.evaluate(() => (window as Waiting).__moved)
  await page.evaluate(() => new Promise(requestAnimationFrame))
}

describe('the map with the keyboard only', () => {
  it('reaches filters, clusters, markers and the list by Tab; Enter opens, Escape closes; the count is announced', async () => {
    const { page, errors } = await openPage(site.browser, `${site.origin}${urls.map}`, { viewport: DESKTOP })
    await settle(page, 'map')
    const { stops, failures } = await walk(page, 400)
    expect(failures).toEqual([])
    const kinds = new Set(stops.map((s) => s.kind))
    expect([...kinds]).toEqual(expect.arrayContaining(['select', 'input', 'cluster', 'button']))
    expect(stops.some((s) => s.label.includes('"放大"'))).toBe(true)

    // From the top again: Tab to the first cluster and open it with Enter; the keyboard stays on the map.
    await page.reload({ waitUntil: 'networkidle' })
    const zoom = () => page.evaluate(() => window.__laomoMap!.map.getZoom())
    const before = await zoom()
    let stop: Stop | null = null
    for (let i = 0; i < 200 && stop?.kind !== 'cluster'; i++) stop = await tab(page)
    expect(stop?.kind).toBe('cluster')
    await enterCluster(page)
    expect(await zoom()).toBeGreaterThan(before)
    // On to a single talk's marker: Enter on the focused cluster until the focus, kept in the map, lands
    // on one. Each Enter zooms and redraws; like a person, the test waits for the map to settle first.
    let focused = await focusKind(page)
    for (let i = 0; i < 16 && focused === 'cluster'; i++) {
      await enterCluster(page)
      focused = await focusKind(page)
    }
    expect(focused).toBe('marker')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-popup-talk]').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-popup-talk]').count()).toBe(0)
    await expect.poll(() => focusKind(page)).toBe('marker')

    // A filter chosen with the keyboard: the live region says how many talks are left.
    const counts = await expectedCounts()
    const type = page.locator('[data-map-filters] select[name=type]')
    await type.focus()
    await page.keyboard.press('ArrowDown')
    const value = (await type.inputValue()) as 'enterprise' | 'school' | 'community'
    expect(['enterprise', 'school', 'community']).toContain(value)
    const status = page.locator('[data-map-count]')
    expect(await status.getAttribute('role')).toBe('status')
    await expect.poll(() => status.textContent()).toContain(`${counts[value]} 场`)
    expect(counts[value]).toBeLessThan(counts.talks)
    expect(errors).toEqual([])
    await page.context().close()
  })
})
