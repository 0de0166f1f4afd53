/** Status, caching, type, compression and security headers on every kind of answer, nginx's or the server's. */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { proxyFetch, type ProxyRequest } from '../../scripts/nginx/client'
import { STATIC_ROOT } from '../../scripts/nginx/stack'
import { behindNginx, booking, expectSecurityHeaders, missing } from './harness'

const IMMUTABLE = 'public, max-age=31536000, immutable'

const firstFile = (dir: string, pattern: RegExp) => {
  const name = readdirSync(path.join(STATIC_ROOT, dir)).find((f) => pattern.test(f))
  if (!name) throw new Error(`no ${pattern} in ${dir} of the build`)
  return `/${dir}/${name}`
}

describe.skipIf(missing)('behind nginx', () => {
  const { deploy, get, post } = behindNginx()

  describe('headers on every kind of answer', () => {
    type Case = {
      what: string
      path: string
      request?: ProxyRequest
      status: number
      cache: string | RegExp
      type?: RegExp
    }
    const PAGE = 'public, no-cache'
    const cases = (): Case[] => [
      { what: 'home page', path: '/', status: 200, cache: PAGE, type: /^text\/html; charset=utf-8$/ },
      { what: 'a page', path: '/schools/', status: 200, cache: PAGE, type: /^text\/html/ },
      { what: 'a directory without its slash', path: '/workers', status: 301, cache: PAGE },
      { what: 'hashed script', path: firstFile('_astro', /\.js$/), status: 200, cache: IMMUTABLE, type: /javascript/ },
      {
        what: 'hashed stylesheet',
        path: firstFile('_astro', /\.css$/),
        status: 200,
        cache: IMMUTABLE,
        type: /^text\/css/,
      },
      {
        what: 'hashed image',
        path: firstFile('_astro', /\.(webp|jpe?g|png)$/),
        status: 200,
        cache: IMMUTABLE,
        type: /^image\//,
      },
      { what: 'Pagefind fragment', path: firstFile('pagefind/fragment', /./), status: 200, cache: IMMUTABLE },
      { what: 'Pagefind index chunk', path: firstFile('pagefind/index', /./), status: 200, cache: IMMUTABLE },
      { what: 'Pagefind meta file', path: firstFile('pagefind', /\.pf_meta$/), status: 200, cache: IMMUTABLE },
      { what: 'Pagefind loader', path: '/pagefind/pagefind.js', status: 200, cache: PAGE, type: /javascript/ },
      { what: 'Pagefind entry', path: '/pagefind/pagefind-entry.json', status: 200, cache: PAGE, type: /json/ },
      { what: 'calendar', path: '/calendar.ics', status: 200, cache: PAGE, type: /^text\/calendar; charset=utf-8$/ },
      { what: 'feed', path: '/rss.xml', status: 200, cache: PAGE, type: /xml/ },
      { what: 'missing page (404)', path: '/no-such-page/', status: 404, cache: 'no-store', type: /^text\/html/ },
      { what: 'missing hashed asset (404, not kept)', path: '/_astro/missing.js', status: 404, cache: 'no-store' },
      {
        what: 'missing Pagefind chunk',
        path: '/pagefind/fragment/missing.pf_fragment',
        status: 404,
        cache: 'no-store',
      },
      {
        what: 'endpoint probe (200)',
        path: '/api/talk-requests',
        request: { headers: { accept: 'application/json' } },
        status: 200,
        cache: 'no-store',
        type: /json/,
      },
      { what: 'endpoint redirect (303)', path: '/api/talk-requests', status: 303, cache: 'no-store' },
      { what: 'another /api/ path (a 404, not the server)', path: '/api/nothing', status: 404, cache: 'no-store' },
      { what: '/_image', path: '/_image?href=%2Ffavicon.svg&w=4000&f=avif', status: 404, cache: 'no-store' },
      { what: 'a dot file', path: '/.env', status: 404, cache: 'no-store' },
      { what: 'PUT (405)', path: '/', request: { method: 'PUT', body: 'x' }, status: 405, cache: 'no-store' },
      {
        what: 'DELETE on the endpoint (405)',
        path: '/api/talk-requests',
        request: { method: 'DELETE' },
        status: 405,
        cache: 'no-store',
      },
      {
        what: 'POST to a page (405)',
        path: '/schools/',
        request: { method: 'POST', body: 'a=1' },
        status: 405,
        cache: 'no-store',
      },
    ]

    it('pages, assets, search files, calendars, errors: status, Cache-Control, type and security headers', async () => {
      for (const c of cases()) {
        const res = await get(c.path, c.request)
        const what = `${c.request?.method ?? 'GET'} ${c.path} (${c.what})`
        expect(res.status, what).toBe(c.status)
        if (typeof c.cache === 'string') expect(res.headers['cache-control'], what).toBe(c.cache)
        else expect(res.headers['cache-control'], what).toMatch(c.cache)
        if (c.type) expect(res.headers['content-type'], what).toMatch(c.type)
        expectSecurityHeaders(res.headers, what)
      }
    })

    it('a poster: served while its talk is to come, a 302 to the talk once past, 404 for no talk', async () => {
      const talks = readdirSync(path.join(STATIC_ROOT, 'talks'), { withFileTypes: true }).filter((d) => d.isDirectory())
      const withPoster = (d: { name: string }) => existsSync(path.join(STATIC_ROOT, 'talks', d.name, 'poster'))
      const upcoming = talks.find(withPoster)
      const past = talks.find(
        (d) => !withPoster(d) && existsSync(path.join(STATIC_ROOT, 'talks', d.name, 'index.html')),
      )
      if (!upcoming || !past) throw new Error('the build has no talk with a poster, or none without')
      const talk = (d: { name: string }) => `/talks/${encodeURIComponent(d.name)}/`
      const ok = await get(`${talk(upcoming)}poster/`)
      expect(ok.status).toBe(200)
      expect(ok.text).toContain('data-poster')
      for (const asked of [`${talk(past)}poster/`, `${talk(past)}poster`, `${talk(past)}poster/?from=qr`]) {
        const res = await get(asked)
        expect(res.status, asked).toBe(302)
        expect(res.headers.location, asked).toBe(talk(past) + (asked.includes('?') ? '?from=qr' : ''))
        expect(res.headers['cache-control'], asked).toBe('no-store')
        expectSecurityHeaders(res.headers, asked)
      }
      const none = await get('/talks/no-such-talk/poster/')
      expect(none.status).toBe(404)
      expect(none.text).toMatch(/[\u4e00-\u9fff]/)
    })

    it('the booking endpoint: accepted 200, refused 403/413/415/422, all no-store and in Chinese', async () => {
      const answers = {
        200: await post(booking('头部检查中学')),
        403: await post(booking('头部检查中学'), { origin: 'https://evil.example' }),
        413: await post(booking('头部检查中学', { notes: '很长'.repeat(20_000) })),
        415: await post(booking('头部检查中学'), { 'content-type': 'text/plain' }),
        422: await post(booking('头部检查中学', { date1Start: '2027-02-30' })),
      }
      for (const [status, res] of Object.entries(answers)) {
        const what = `POST /api/talk-requests → ${status}`
        expect(res.status, `${what}: ${res.text}`).toBe(Number(status))
        expect(res.headers['cache-control'], what).toBe('no-store')
        expectSecurityHeaders(res.headers, what)
        if (status !== '200') expect(res.text, what).toMatch(/[\u4e00-\u9fff]/)
      }
      expect(JSON.parse(answers[200].text).reference).toMatch(/^LM-\d{8}-[2-9A-Z]{4}$/)
      // nginx's own 405 and 413 speak Chinese too, as JSON to the form's script and with Allow.
      const put = await get('/api/talk-requests', { method: 'PUT', body: 'x', headers: { accept: 'application/json' } })
      expect(put.headers.allow).toBe('GET, HEAD, POST')
      expect(JSON.parse(put.text).message).toMatch(/[\u4e00-\u9fff]/)
      const huge = await post('x'.repeat(100_000))
      expect(huge.status).toBe(413)
      expect(JSON.parse(huge.text).message).toMatch(/提交的内容过长/)
    })

    it('TRACE and unknown methods are refused with 405 and Allow, never passed on', async () => {
      for (const method of ['TRACE', 'OPTIONS', 'PROPFIND', 'FOO']) {
        for (const pathname of ['/', '/api/talk-requests']) {
          const res = await proxyFetch(deploy.stack.nginx, pathname, { method })
          expect(res.status, `${method} ${pathname}`).toBe(405)
          expect(res.headers.allow, `${method} ${pathname}`).toBe(pathname === '/' ? 'GET, HEAD' : 'GET, HEAD, POST')
          expectSecurityHeaders(res.headers, `${method} ${pathname}`)
        }
      }
    })

    it('static answers say what the Node server says for the same file: policy, caching, type', async () => {
      const paths = [
        '/',
        '/schools/',
        '/search/',
        '/map/',
        firstFile('_astro', /\.js$/),
        firstFile('pagefind/fragment', /./),
        '/pagefind/pagefind.js',
        '/calendar.ics',
        '/no-such-page/',
        '/_astro/missing.js',
        // The embedded Studio, when the build has it: its page, a deep link into it, a file it does not have.
        ...(existsSync(path.join(STATIC_ROOT, 'studio'))
          ? ['/studio/', '/studio/structure/talk', '/studio/missing.js']
          : []),
      ]
      const same = [
        'content-security-policy',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
        'cache-control',
      ]
      for (const pathname of paths) {
        const direct = await fetch(`${deploy.stack.server.origin}${pathname}`)
        const viaNginx = await get(pathname)
        expect(viaNginx.status, pathname).toBe(direct.status)
        const pick = (get: (name: string) => string | null | undefined) =>
          Object.fromEntries(same.map((name) => [name, get(name) ?? null]))
        expect(
          pick((name) => viaNginx.headers[name]),
          pathname,
        ).toEqual(pick((name) => direct.headers.get(name)))
        // Types may differ in spelling only (application/javascript vs text/javascript).
        expect(viaNginx.headers['content-type']?.split(/[/;]/)[1], pathname).toBe(
          direct.headers.get('content-type')?.split(/[/;]/)[1],
        )
      }
    })

    it('compresses text with brotli or gzip, and leaves images and compressed index files alone', async () => {
      const text = [
        '/',
        '/schools/',
        firstFile('_astro', /\.css$/),
        firstFile('_astro', /\.js$/),
        '/pagefind/pagefind.js',
        '/calendar.ics',
        '/rss.xml',
        '/sitemap-0.xml',
        '/map/points.json',
      ]
      for (const pathname of text) {
        const br = await get(pathname, { headers: { 'accept-encoding': 'br, gzip' } })
        expect(br.headers['content-encoding'], pathname).toBe('br')
        expect(br.headers.vary, pathname).toMatch(/Accept-Encoding/i)
        const gzip = await get(pathname, { headers: { 'accept-encoding': 'gzip' } })
        expect(gzip.headers['content-encoding'], pathname).toBe('gzip')
        const plain = await get(pathname)
        expect(plain.headers['content-encoding'], pathname).toBeUndefined()
        expect(br.text, pathname).toBe(plain.text)
        expect(gzip.text, pathname).toBe(plain.text)
        expect(br.bytes, pathname).toBeLessThan(plain.bytes)
      }
      for (const pathname of [firstFile('_astro', /\.webp$/), firstFile('pagefind/fragment', /./)]) {
        const res = await get(pathname, { headers: { 'accept-encoding': 'br, gzip' } })
        expect(res.headers['content-encoding'], pathname).toBeUndefined()
      }
    })
  })
})
