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

  it('reports no draw time when the page never signals readiness', async () => {
    const run = await measureMap(browser, served, '/silent/', 1500)
    expect(run.drawMs).toBeNull()
    expect(run.requests).toBeGreaterThanOrEqual(1)
  })
})
