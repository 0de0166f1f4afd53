/** What nginx passes to the server and what it keeps from it, seen by a recording upstream. */
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyFetch } from '../../scripts/nginx/client'
import { startNginx, TEST_SERVER_NAME, type NginxProcess } from '../../scripts/nginx/process'
import { STATIC_ROOT } from '../../scripts/nginx/stack'
import { ON_DEMAND_PATHS } from '../../server/policy'
import { expectSecurityHeaders, missing } from './harness'

/** Routes of site/pages/ rendered on demand (`export const prerender = false`), as URL paths. */
function onDemandPages(dir = 'site/pages'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(
      (file) =>
        /\.(astro|ts|js)$/.test(file) &&
        /export const prerender = false/.test(readFileSync(path.join(dir, file), 'utf8')),
    )
    .map((file) => {
      if (file.includes('['))
        throw new Error(`${file}: an on-demand route with parameters needs its own location in deploy/nginx/`)
      return `/${file.replace(/\.(astro|ts|js)$/, '').replace(/(^|\/)index$/, '')}`
    })
}

describe.skipIf(missing)('behind nginx', () => {
  describe('what reaches the server (a recording upstream)', () => {
    let upstream: Server
    let proxy: NginxProcess
    const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = []

    beforeAll(async () => {
      upstream = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          seen.push({
            method: req.method!,
            url: req.url!,
            headers: req.headers,
            body: Buffer.concat(chunks).toString(),
          })
          const own = req.url!.includes('own-headers')
          res.writeHead(200, {
            'content-type': 'application/json',
            ...(own
              ? {
                  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
                  'cache-control': 'private, max-age=5',
                }
              : {}),
          })
          res.end('{}')
        })
      })
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
      proxy = await startNginx({ root: STATIC_ROOT, upstreamPort: (upstream.address() as AddressInfo).port })
    })
    afterAll(async () => {
      await proxy?.stop()
      upstream?.close()
    })

    it('forwarded headers are set by nginx, replacing whatever the client sent', async () => {
      for (const http2 of [false, true]) {
        seen.length = 0
        await proxyFetch(proxy, '/api/talk-requests', {
          http2,
          method: 'POST',
          localAddress: '127.0.0.2',
          body: 'a=1',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': '203.0.113.1, 203.0.113.2',
            'x-real-ip': '203.0.113.3',
            forwarded: 'for=203.0.113.4;proto=http;host=evil.example',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'http',
            'x-forwarded-port': '80',
          },
        })
        expect(seen, http2 ? 'h2' : 'http/1.1').toHaveLength(1)
        const { headers, body, method } = seen[0]!
        expect({ method, body }).toEqual({ method: 'POST', body: 'a=1' })
        expect({
          host: headers.host,
          'x-forwarded-for': headers['x-forwarded-for'],
          'x-real-ip': headers['x-real-ip'],
          'x-forwarded-proto': headers['x-forwarded-proto'],
          'x-forwarded-host': headers['x-forwarded-host'],
          forwarded: headers.forwarded,
          'x-forwarded-port': headers['x-forwarded-port'],
        }).toEqual({
          host: `${TEST_SERVER_NAME}:${proxy.httpsPort}`,
          'x-forwarded-for': '127.0.0.2',
          'x-real-ip': '127.0.0.2',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': `${TEST_SERVER_NAME}:${proxy.httpsPort}`,
          forwarded: undefined,
          'x-forwarded-port': undefined,
        })
      }
    })

    it('every on-demand route reaches it', async () => {
      const routes = new Set([...ON_DEMAND_PATHS, ...onDemandPages()])
      expect(routes.size).toBeGreaterThan(0)
      for (const route of routes) {
        seen.length = 0
        const res = await proxyFetch(proxy, route, { http2: true })
        expect(`${route} → ${res.status}`).toBe(`${route} → 200`)
        expect(seen.map((s) => s.url)).toEqual([route])
      }
    })

    it('nothing else reaches it: pages, other /api/ paths, /_image, errors and refused methods never do', async () => {
      seen.length = 0
      for (const pathname of [
        '/',
        '/schools/',
        '/api/',
        '/api/other',
        '/api/talk-requests/x',
        '/_image?href=x&w=4000&f=avif',
        '/_image/x',
        '/no-such-page/',
        '/calendar.ics',
      ])
        await proxyFetch(proxy, pathname, { http2: true })
      await proxyFetch(proxy, '/api/talk-requests', { method: 'TRACE' })
      await proxyFetch(proxy, '/api/talk-requests', { method: 'PUT', body: 'x' })
      await proxyFetch(proxy, '/api/talk-requests', { method: 'POST', body: 'x'.repeat(40_000) })
      expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([])
    })

    it('fills in the security headers the server leaves out, and never doubles the ones it sends', async () => {
      const bare = await proxyFetch(proxy, '/api/talk-requests', { http2: true })
      expect(bare.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(bare.headers['cache-control']).toBe('no-store')
      expectSecurityHeaders(bare.headers, 'an answer without headers')
      const own = await proxyFetch(proxy, '/api/talk-requests?own-headers', { http2: true })
      expect(own.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(own.headers['cache-control']).toBe('private, max-age=5')
    })

    it('a body that never finishes is dropped within seconds, never reaches the server, and blocks nobody', async () => {
      seen.length = 0
      const stall = (send: (socket: ReturnType<typeof tlsConnect>) => void) =>
        new Promise<number>((resolve, reject) => {
          const started = Date.now()
          const socket = tlsConnect(
            {
              host: '127.0.0.1',
              port: proxy.httpsPort,
              servername: TEST_SERVER_NAME,
              ca: proxy.ca,
              ALPNProtocols: ['http/1.1'],
            },
            () => send(socket),
          )
          socket.on('data', () => undefined)
          socket.once('close', () => resolve(Date.now() - started))
          socket.once('error', () => undefined)
          setTimeout(() => reject(new Error('still open after 30 s')), 30_000).unref()
        })
      const host = `${TEST_SERVER_NAME}:${proxy.httpsPort}`
      const slowBody = stall((s) =>
        s.write(
          `POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000\r\n\r\nschool=`,
        ),
      )
      const slowHeaders = stall((s) => s.write(`POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `))
      // Meanwhile everyone else is answered at once.
      await new Promise((r) => setTimeout(r, 1000))
      const started = Date.now()
      const other = await proxyFetch(proxy, '/api/talk-requests', {
        http2: true,
        method: 'POST',
        body: 'a=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(other.status).toBe(200)
      expect(Date.now() - started).toBeLessThan(1000)
      const [bodyMs, headerMs] = await Promise.all([slowBody, slowHeaders])
      expect(bodyMs).toBeLessThan(13_000)
      expect(headerMs).toBeLessThan(13_000)
      expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['POST /api/talk-requests a=1'])
    }, 40_000)
  })
})
