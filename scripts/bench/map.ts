/**
 * The map page in Chromium: gzip bytes of everything it loads (tiles excluded) and the time from
 * navigation to "all markers drawn". The page announces that moment with `window.__laomoMapReady`
 * (a promise) or a `data-ready` attribute on an element; an init script hooks both before any
 * page script runs, so the time is taken when it happens, not when we ask.
 */
import type { Browser } from 'playwright-core'
import { SECTION_PATHS } from '#domain/paths'
import type { Served } from './serve.ts'

export interface MapRun {
  bytes: number
  /** Milliseconds from navigation start to markers drawn; null when the page gives no readiness signal. */
  drawMs: number | null
  requests: number
  /** Milliseconds from a filter change to its markers drawn; null when the page has no map filters. */
  filterMs: number | null
  errors: string[]
}

/** Tile requests are the provider's, not ours: excluded from the page weight. */
export const isTile = (url: string): boolean =>
  /\/tiles?\//.test(url) || /\/DataServer\?/.test(url) || /\/\d+\/\d+\/\d+\.(png|jpe?g|webp|pbf)$/.test(url)

function readinessHook(): void {
  const w = window as unknown as Record<string, unknown>
  const mark = () => {
    if (w.__benchReadyAt === undefined) w.__benchReadyAt = performance.now()
  }
  let stored: unknown
  Object.defineProperty(window, '__laomoMapReady', {
    configurable: true,
    get: () => stored,
    set(value) {
      stored = value
      Promise.resolve(value).then(mark, () => {
        w.__benchReadyError = 'readiness promise rejected'
      })
    },
  })
  const check = (el: Element) => {
    const v = el.getAttribute('data-ready')
    if (v !== null && v !== 'false') mark()
  }
  new MutationObserver((records) => {
    for (const r of records) if (r.target instanceof Element) check(r.target)
  }).observe(document, { attributes: true, attributeFilter: ['data-ready'], subtree: true })
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('[data-ready]').forEach(check))
}

/** In the page: times one change of the type filter until the map says it is drawn again. */
async function timeFilter(): Promise<number | null> {
  const hook = (window as unknown as { __laomoMap?: { full?(): Promise<void>; textLoaded(): Promise<void> } })
    .__laomoMap
  const select = document.querySelector<HTMLSelectElement>('form[data-map-filters] select[name="type"]')
  const map = document.querySelector('[data-ready]')
  if (!hook || !select || !map || select.options.length < 2) return null
  await hook.full?.()
  await hook.textLoaded()
  // A quiet frame first: what the page still had queued is not the filter's.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  const option = [...select.options].find((o) => o.value === 'school') ?? select.options[select.options.length - 1]!
  const start = performance.now()
  select.value = option.value
  select.dispatchEvent(new Event('change', { bubbles: true }))
  await new Promise<void>((resolve) => {
    const check = () => (map.getAttribute('data-ready') === 'true' ? resolve() : requestAnimationFrame(check))
    check()
  })
  return performance.now() - start
}

export async function measureMap(
  browser: Browser,
  served: Served,
  pathname: string = SECTION_PATHS.map,
  timeoutMs = 60_000,
): Promise<MapRun> {
  // A fresh context each run: nothing cached, as for a first visit.
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.addInitScript(readinessHook)
    served.log.length = 0
    await page.goto(served.origin + pathname, { waitUntil: 'load', timeout: timeoutMs })
    let drawMs: number | null = null
    try {
      await page.waitForFunction(
        () => {
          const w = window as unknown as Record<string, unknown>
          return w.__benchReadyAt !== undefined || w.__benchReadyError !== undefined
        },
        undefined,
        { timeout: timeoutMs },
      )
      drawMs = await page.evaluate(
        () => ((window as unknown as Record<string, unknown>).__benchReadyAt as number) ?? null,
      )
    } catch {
      // The page may have replaced our hook with its own property: ask it directly (an upper bound).
      drawMs = await page.evaluate(async () => {
        const p = (window as unknown as Record<string, unknown>).__laomoMapReady
        if (!p) return null
        await p
        return performance.now()
      })
    }
    await page.waitForLoadState('networkidle').catch(() => undefined)
    const own = served.log.filter((r) => !isTile(r.url))
    const first = { bytes: own.reduce((s, r) => s + r.bytes, 0), requests: own.length }
    const filterMs = drawMs === null ? null : await page.evaluate(timeFilter)
    return { ...first, drawMs, filterMs, errors }
  } finally {
    await context.close()
  }
}
