/** TLS versions and ciphers, HTTP/2, other host names turned away, HTTP redirected to HTTPS. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { TEST_SERVER_NAME } from '../../scripts/nginx/process'
import { behindNginx, missing } from './harness'

describe.skipIf(missing)('behind nginx', () => {
  const { deploy, get } = behindNginx()

  describe('TLS and HTTP', () => {
    const handshake = (options: ConnectionOptions) =>
      new Promise<{ ok: boolean; protocol?: string | null; alpn?: string | false | null; error?: string }>(
        (resolve) => {
          const socket = tlsConnect(
            {
              host: '127.0.0.1',
              port: deploy.stack.nginx.httpsPort,
              servername: TEST_SERVER_NAME,
              ca: deploy.stack.nginx.ca,
              ...options,
            },
            () => {
              resolve({ ok: true, protocol: socket.getProtocol(), alpn: socket.alpnProtocol })
              socket.end()
            },
          )
          socket.once('error', (e) => resolve({ ok: false, error: e.message }))
        },
      )

    it('speaks TLS 1.3 and 1.2 with forward-secret AEAD ciphers only, and HTTP/2', async () => {
      expect(await handshake({ ALPNProtocols: ['h2', 'http/1.1'] })).toMatchObject({
        ok: true,
        protocol: 'TLSv1.3',
        alpn: 'h2',
      })
      expect(await handshake({ maxVersion: 'TLSv1.2' })).toMatchObject({ ok: true, protocol: 'TLSv1.2' })
      // Offered on purpose (security level 0 on the client side): the server must say no.
      expect(
        await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }),
      ).toMatchObject({ ok: false })
      expect(
        await handshake({
          maxVersion: 'TLSv1.2',
          ciphers: 'ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:AES128-SHA@SECLEVEL=0',
        }),
      ).toMatchObject({ ok: false })
      expect((await get('/')).protocol).toBe('h2')
    })

    it('turns away other host names: no certificate for them, no answer over HTTP', async () => {
      expect(await handshake({ servername: 'other.example', checkServerIdentity: () => undefined })).toMatchObject({
        ok: false,
      })
      const answer = await new Promise<string>((resolve) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: deploy.stack.nginx.httpPort, path: '/', headers: { Host: 'other.example' } },
          (res) => resolve(`status ${res.statusCode}`),
        )
        req.once('error', (e) => resolve(e.message))
        req.end()
      })
      expect(answer).toMatch(/socket hang up|ECONNRESET/)
    })

    it('redirects HTTP to the same path on HTTPS', async () => {
      const res = await new Promise<{ status?: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: deploy.stack.nginx.httpPort,
            path: '/workers/?sector=energy',
            headers: { Host: `${TEST_SERVER_NAME}:${deploy.stack.nginx.httpPort}` },
          },
          (r) => {
            r.resume()
            resolve({ status: r.statusCode, headers: r.headers })
          },
        )
        req.once('error', reject)
        req.end()
      })
      expect(res.status).toBe(301)
      expect(res.headers.location).toBe(`${deploy.stack.nginx.origin}/workers/?sector=energy`)
      expect(res.headers.server).toBe('nginx')
    })
  })
})
