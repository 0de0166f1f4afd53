/**
 * The benchmark's map measurement (scripts/bench/map.ts) against fixture pages in Chromium: it must
 * catch both readiness signals the map page may give, time them from navigation start, count gzip
 * bytes as sent, and leave tiles out.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/bench/chromium'
import { measureMap } from '../../scripts/bench/map'
import { serve, type Served } from '../../scripts/bench/serve'

const DELAY = 300
const FILTER_DELAY = 400
const SCRIPT = 'console.log("' + 'x'.repeat(5000) + '")'
const pages: Record<string, string> = {
  // The promise is assigned before it resolves, as a map island would.
  'promise/index.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script src="/app.js"></script><script>
    window.__laomoMapReady = new Promise((r) => setTimeout(r, ${DELAY}))</script></body></html>`,
  'attribute/index.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><div id="map"></div><script src="/app.js"></script><script>
    setTimeout(() => document.getElementById('map').setAttribute('data-ready', 'true'), ${DELAY})
    new Image().src = '/tiles/5/10/12.png'</script></body></html>`,
  'silent/index.html':
    '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><p>no map here</p></body></html>',
  // A map whose filter takes FILTER_DELAY ms to draw, once its text is in.
  'filter/index.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <form data-map-filters><select name="type"><option value="">全部</option><option value="enterprise">企业</option>
    <option value="school">学校</option></select></form><div id="map" data-ready="false"></div><script>
    const map = document.getElementById('map')
    window.__laomoMap = { textLoaded: () => new Promise((r) => setTimeout(r, 200)) }
    setTimeout(() => map.setAttribute('data-ready', 'true'), 50)
    document.querySelector('select').addEventListener('change', (e) => {
      if (e.target.value !== 'school') return
      map.setAttribute('data-ready', 'false')
      setTimeout(() => map.setAttribute('data-ready', 'true'), ${FILTER_DELAY})
    })</script></body></html>`,
  'app.js': SCRIPT,
  'tiles/5/10/12.png': 'not really a tile',
}

describe('bench: map measurement', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'laomo-bench-map-'))
  let served: Served
  let browser: Browser
  beforeAll(async () => {
    for (const [file, text] of Object.entries(pages)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    served = await serve(dir)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await served?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const gz = (text: string) => gzipSync(Buffer.from(text), { level: 6 }).length

  it('times window.__laomoMapReady from navigation start and counts gzip bytes', async () => {
    const run = await measureMap(browser, served, '/promise/')
    expect(run.drawMs).toBeGreaterThanOrEqual(DELAY)
    expect(run.drawMs).toBeLessThan(DELAY + 5000)
    expect(run.requests).toBe(2)
    expect(run.bytes).toBe(gz(pages['promise/index.html']!) + gz(SCRIPT))
    expect(run.bytes).toBeLessThan(SCRIPT.length)
  })

  it('times a data-ready attribute and leaves tile requests out of the weight', async () => {
    const run = await measureMap(browser, served, '/attribute/')
    expect(run.drawMs).toBeGreaterThanOrEqual(DELAY)
    expect(served.log.some((r) => r.url.startsWith('/tiles/'))).toBe(true)
    expect(run.requests).toBe(2)
    expect(run.bytes).toBe(gz(pages['attribute/index.html']!) + gz(SCRIPT))
  })

  it('times a filter from the type select changing to the map drawn again, after the text is in', async () => {
    const run = await measureMap(browser, served, '/filter/')
    expect(run.drawMs).not.toBeNull()
    expect(run.filterMs).toBeGreaterThanOrEqual(FILTER_DELAY)
    expect(run.filterMs).toBeLessThan(FILTER_DELAY + 2000)
  })

  it('reports no filter time for a page without the map filters', async () => {
    expect((await measureMap(browser, served, '/promise/')).filterMs).toBeNull()
  })

  it('reports no draw time when the page never signals readiness', async () => {
    const run = await measureMap(browser, served, '/silent/', 1500)
    expect(run.drawMs).toBeNull()
    expect(run.requests).toBeGreaterThanOrEqual(1)
  })
})
