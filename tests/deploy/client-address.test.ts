/** The client address the server sees is the one nginx saw, whatever the client claims: the rate limit. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyFetch } from '../../scripts/nginx/client'
import { startStack } from '../../scripts/nginx/stack'
import { booking, missing } from './harness'

describe.skipIf(missing)('behind nginx', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'laomo-deploy-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  describe('the real client address', () => {
    it('is the one nginx saw: the rate limit keys on it, and what a client claims in X-Forwarded-For does not count', async () => {
      const limited = await startStack({ inbox: path.join(dir, 'limited.ndjson'), env: { LAOMO_RATE_LIMIT: '2/600' } })
      try {
        const send = (localAddress: string, school: string, forged: Record<string, string> = {}) =>
          proxyFetch(limited.nginx, '/api/talk-requests', {
            method: 'POST',
            localAddress,
            body: booking(school),
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
              origin: limited.nginx.origin,
              ...forged,
            },
          })
        // Client A (127.0.0.2) uses up its allowance of accepted requests...
        expect((await send('127.0.0.2', '甲校一')).status).toBe(200)
        expect((await send('127.0.0.2', '甲校二', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200)
        // ...and claiming to be someone else, any way a proxy could say it, does not give it a new one.
        const forgeries: Record<string, string>[] = [
          { 'x-forwarded-for': '198.51.100.2' },
          { 'x-forwarded-for': '198.51.100.3, 198.51.100.4' },
          { 'x-real-ip': '198.51.100.5' },
          { forwarded: 'for=198.51.100.6' },
          { 'x-forwarded-for': '127.0.0.3' },
        ]
        for (const forged of forgeries) {
          const res = await send('127.0.0.2', '甲校再来', forged)
          expect(res.status, JSON.stringify(forged)).toBe(429)
          expect(JSON.parse(res.text).message, JSON.stringify(forged)).toMatch(/[\u4e00-\u9fff]/)
        }
        // Client B (127.0.0.3) has its own allowance: the server does not see every client as nginx.
        expect((await send('127.0.0.3', '乙校一')).status).toBe(200)
      } finally {
        await limited.stop()
      }
    })
  })
})
