import { linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes, scanBuild, tileOriginsOf } from './csp'
import { allowedMethods, cacheControlFor, securityHeaders, siteCsp, studioCsp } from './policy'
import { staticPath } from './static'

describe('methods', () => {
  it('allow POST on the booking endpoint only', () => {
    expect(allowedMethods('/api/talk-requests')).toEqual(['GET', 'HEAD', 'POST'])
    expect(allowedMethods('/api/talk-requests/')).toEqual(['GET', 'HEAD', 'POST'])
    for (const p of ['/', '/schools/', '/_image', '/api/other', '/_server-islands/x'])
      expect(allowedMethods(p)).toEqual(['GET', 'HEAD'])
  })
})

describe('cache', () => {
  it('keeps content-named files for a year and checks everything else on each use', () => {
    for (const p of [
      '/_astro/BaseLayout.C2x3.css',
      '/_astro/island.D8f.js',
      '/pagefind/fragment/zh-cn_0a8f90d.pf_fragment',
      '/pagefind/index/zh-cn_177092a.pf_index',
      '/pagefind/pagefind.zh-cn_718fbf36485a6.pf_meta',
      '/pagefind/shard-2/fragment/zh-cn_0a8f90d.pf_fragment',
      '/pagefind/shard-12/pagefind.zh-cn_718fbf36485a6.pf_meta',
    ])
      expect(cacheControlFor(p), p).toBe('public, max-age=31536000, immutable')
    for (const p of [
      '/',
      '/workers/',
      '/map/points.json',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/shards.json',
      '/pagefind/shard-2/pagefind-entry.json',
      '/pagefind/shard-x/fragment/zh-cn_0a8f90d.pf_fragment',
      '/calendar.ics',
      '/_astro/',
    ])
      expect(cacheControlFor(p), p).toBe('public, no-cache')
  })
})

describe('security headers', () => {
  const sources = {
    scriptHashes: ["'sha256-abc='"],
    tileOrigins: ['https://webrd01.is.autonavi.com'],
  }
  const policies = { site: siteCsp(sources), studio: studioCsp(sources) }

  it('are the same on every path, with the Studio’s own policy under /studio/', () => {
    const site = securityHeaders('/schools/', policies)
    expect(site).toEqual({
      'Content-Security-Policy': policies.site,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    })
    expect(securityHeaders('/studio/structure', policies)['Content-Security-Policy']).toBe(policies.studio)
    expect(securityHeaders('/studiox', policies)['Content-Security-Policy']).toBe(policies.site)
  })

  it('allow scripts from the site and by hash only, frames from nowhere, tiles from the configured provider', () => {
    const directives = Object.fromEntries(
      policies.site.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    )
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'https://webrd01.is.autonavi.com'])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(policies.site).not.toMatch(/'unsafe-eval'|\*/)
    expect(policies.studio).toContain("connect-src 'self' https://*.sanity.io wss://*.sanity.io")
    expect(policies.studio).toContain("frame-ancestors 'none'")
    expect(policies.studio.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe')
  })
})

describe('CSP sources from the build', () => {
  it('hashes inline scripts as the browser does, leaving out JSON data blocks and external scripts', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    const alert = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    const html = `<script>alert(1)</script><script type="module">alert(1)</script>
      <script type="application/ld+json">{"a":1}</script><script src="/x.js"></script>
      <script type='text/javascript'>alert(1)</SCRIPT >`
    expect(inlineScriptHashes(html)).toEqual([alert, alert, alert])
    expect(inlineScriptHashes('<script>\r\nalert(1)\r\n</script>')).toEqual(
      inlineScriptHashes('<script>\nalert(1)\n</script>'),
    )
  })

  it('names the tile origins of the configured provider only', () => {
    expect(tileOriginsOf({ provider: 'bundled' })).toEqual([])
    expect(tileOriginsOf({ provider: 'tianditu-vec' })).toEqual([]) // no key: the bundled layer
    expect(tileOriginsOf({ provider: 'tianditu-img', key: 'k' })).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7'].map((s) => `https://t${s}.tianditu.gov.cn`),
    )
    expect(tileOriginsOf({ provider: 'gaode' })).toEqual(
      ['1', '2', '3', '4'].map((s) => `https://webrd0${s}.is.autonavi.com`),
    )
  })

  it('reads every page of a build and its map configuration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-csp-'))
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true })
    mkdirSync(path.join(dir, 'map'))
    writeFileSync(path.join(dir, 'index.html'), '<script>alert(1)</script>')
    writeFileSync(path.join(dir, 'a', 'b', 'index.html'), '<script>alert(2)</script><script>alert(1)</script>')
    writeFileSync(path.join(dir, 'map', 'points.json'), JSON.stringify({ v: 3, config: { provider: 'gaode' } }))
    const found = await scanBuild(dir, ['http://localhost:4323'])
    expect(found.pages).toBe(2)
    expect(found.scriptHashes).toHaveLength(2)
    expect(found.tileOrigins).toHaveLength(4)
    expect(found.previewOrigins).toEqual(['http://localhost:4323'])
  })

  it('reads again only the pages a new release does not share by hard link with the last one scanned', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'laomo-csp-'))
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')]
    const pages = ['index.html', 'x/index.html', 'y/index.html']
    for (const dir of [a, b]) for (const sub of ['x', 'y']) mkdirSync(path.join(dir, sub), { recursive: true })
    pages.forEach((p, i) => writeFileSync(path.join(a, p), `<script>page(${i})</script>`))
    const first = await scanBuild(a, [])
    expect([first.pages, first.read, first.scriptHashes.length]).toEqual([3, 3, 3])
    // The next release as a publish makes it: links for what did not change, new files for what did.
    for (const p of pages) linkSync(path.join(a, p), path.join(b, p))
    writeFileSync(path.join(b, 'x', 'new.html'), '<script>changed()</script>')
    renameSync(path.join(b, 'x', 'new.html'), path.join(b, 'x', 'index.html'))
    const second = await scanBuild(b, [], first.cache)
    expect([second.pages, second.read]).toEqual([3, 1])
    const fresh = await scanBuild(b, [])
    expect(second.scriptHashes).toEqual(fresh.scriptHashes)
    expect(second.scriptHashes).toContain(inlineScriptHashes('<script>changed()</script>')[0])
    expect(second.scriptHashes).not.toContain(inlineScriptHashes('<script>page(1)</script>')[0])
    // A file written in place (same inode, new size) is read again too.
    writeFileSync(path.join(b, 'y', 'index.html'), '<script>rewritten(in, place)</script>')
    const third = await scanBuild(b, [], second.cache)
    expect(third.read).toBe(1)
    expect(third.scriptHashes).toEqual((await scanBuild(b, [])).scriptHashes)
  })

  it('given a publish’s change set, looks only at the pages it wrote and drops those it removed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'laomo-csp-'))
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')]
    const pages = ['index.html', 'x/index.html', 'y/index.html', 'z/index.html']
    for (const dir of [a, b]) for (const sub of ['x', 'y', 'z']) mkdirSync(path.join(dir, sub), { recursive: true })
    pages.forEach((p, i) => writeFileSync(path.join(a, p), `<script>page(${i})</script>`))
    const first = await scanBuild(a, [])
    for (const p of pages) linkSync(path.join(a, p), path.join(b, p))
    writeFileSync(path.join(b, 'x', 'new.html'), '<script>changed()</script>')
    renameSync(path.join(b, 'x', 'new.html'), path.join(b, 'x', 'index.html'))
    rmSync(path.join(b, 'z'), { recursive: true })
    mkdirSync(path.join(b, 'w'))
    writeFileSync(path.join(b, 'w', 'index.html'), '<script>added()</script>')
    const changes = { written: ['x/index.html', 'w/index.html', 'w/data.json'], removed: ['z/index.html'] }
    const second = await scanBuild(b, [], first.cache, changes)
    const fresh = await scanBuild(b, [])
    expect([second.pages, second.read]).toEqual([4, 2])
    expect(second.scriptHashes).toEqual(fresh.scriptHashes)
    expect([...second.cache.keys()].sort()).toEqual([...fresh.cache.keys()].sort())
    // A change set that does not fit the folder (a page it names is not there) means a full scan, not a wrong one.
    const wrong = await scanBuild(b, [], first.cache, { written: ['gone/index.html'], removed: [] })
    expect(wrong.pages).toBe(4)
    expect(wrong.scriptHashes).toEqual(fresh.scriptHashes)
  })
})

describe('static paths', () => {
  it('decode each segment and never leave the root or show dot-files', () => {
    expect(staticPath('/srv', '/workers/%E5%BC%A0%E7%BA%A2%E6%A2%85/')).toBe('/srv/workers/张红梅')
    expect(staticPath('/srv', '/stories/Zhang-A%20%E6%8A%A5%E9%81%93/')).toBe('/srv/stories/Zhang-A 报道')
    for (const bad of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/a%2F..%2F..%2Fetc',
      '/.git/config',
      '/x%00y',
      '/%E0%A4%A',
    ])
      expect(staticPath('/srv', bad), bad).toBeNull()
  })
})
