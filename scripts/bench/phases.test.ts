import { describe, expect, it } from 'vitest'
import { parseDuration, parsePhases } from './phases'

// Trimmed from a real `astro build` log of this site (Astro 7.3.5), colour codes included.
const LOG = `01:32:37 [content] Syncing content
01:32:38 [content] Synced content
01:32:38 [types] Generated 2.10s
01:32:38 [build] Collecting build info...
01:32:38 [build] ✓ Completed in 2.25s.
01:32:38 [build] Building static entrypoints...
01:32:39 \x1b[32m[vite]\x1b[39m ✓ built in 1.20s
01:32:50 [vite] ✓ built in 10.93s

 generating static routes 
01:32:50 ✓ Completed in 198ms.

 generating optimized images 
01:32:50   ▶ /_astro/portrait-cairang-zhuoma.CYDyByvZ_Z2gxg9D.jpeg (reused cache entry) (+1ms) (1/135)
01:32:50 ✓ Completed in 60ms.

01:32:50 [build] ✓ Completed in 12.47s.
01:32:50 [build] 32 page(s) built in 14.74s
01:32:50 [build] Complete!`

// The same build with the Node adapter (the booking endpoint): Astro names the steps differently.
const ADAPTER_LOG = `02:51:10 [types] Generated 206ms
02:51:10 [build] adapter: @astrojs/node
02:51:10 [build] Collecting build info...
02:51:10 [build] ✓ Completed in 258ms.
02:51:10 [build] Building server entrypoints...
02:51:10 [vite] ✓ built in 387ms
02:51:11 [vite] ✓ built in 247ms
02:51:11 [vite] ✓ built in 145ms

 prerendering static routes 
02:51:11   ├─ /404.html (+34ms) 
02:51:11   ├─ /talks/talk-212/index.html (restored)
02:51:12 ✓ Completed in 656ms.

 generating optimized images 
02:51:12 ✓ Completed in 265ms.

02:51:12 [build] Rearranging server assets...
02:51:12 [build] ✓ Completed in 1.74s.
02:51:12 [build] Server built in 2.01s
02:51:12 [build] Complete!`

describe('parsePhases', () => {
  it('splits a build log into sync, bundle (all Vite builds), render, images and total', () => {
    const p = parsePhases(LOG)
    expect(p.sync).toBe(2100)
    expect(p.collect).toBe(2250)
    expect(p.bundle).toBeCloseTo(12130)
    expect(p.render).toBe(198)
    expect(p.images).toBe(60)
    expect(p.total).toBe(14740)
  })

  it('reads the same phases from a build with an adapter (prerendering, "Server built in")', () => {
    expect(parsePhases(ADAPTER_LOG)).toEqual({
      sync: 206,
      collect: 258,
      bundle: 779,
      render: 656,
      images: 265,
      total: expect.closeTo(2010),
    })
  })

  it('reads builds that take minutes', () => {
    const p = parsePhases('[types] Generated 6m 43s\n[build] 1452 page(s) built in 7m 14s\n')
    expect(p.sync).toBe(403_000)
    expect(p.total).toBe(434_000)
  })

  it('returns nothing for a log without Astro’s info lines (e.g. logLevel warn)', () => {
    expect(parsePhases('[WARN] something\n')).toEqual({})
  })
})

describe('parseDuration', () => {
  it('reads ms, s and minutes', () => {
    expect(parseDuration('198ms')).toBe(198)
    expect(parseDuration('2.5s')).toBe(2500)
    expect(parseDuration('1m 5s')).toBe(65000)
    expect(parseDuration('soon')).toBeNull()
  })
})
