/**
 * What the deployment tests share: the site as deployed, Debian's nginx with the repo's configuration
 * (deploy/nginx/) and a throwaway certificate in front of the built production server, all on 127.0.0.1
 * under the name laomo.test. Run after `npm run build` (`npm run test:deploy`). Without nginx the suites fail
 * in CI and are skipped elsewhere, saying why.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { readInbox } from '../../site/lib/booking/inbox'
import type { TalkRequestDocument } from '../../site/lib/booking/document'
import { chinaDate } from '../../site/lib/format'
import { nginxMissing } from '../../scripts/nginx/binary'
import { proxyFetch, type ProxyRequest } from '../../scripts/nginx/client'
import { startStack, type Stack } from '../../scripts/nginx/stack'

export const missing = nginxMissing()
if (missing && process.env.CI) throw new Error(`The deployment tests need nginx in CI: ${missing}`)
if (missing) console.warn(`tests/deploy skipped: ${missing}`)

export const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000))

/** A booking the endpoint accepts (dates a few weeks ahead, China time). */
export function booking(school: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    idempotencyKey: `deploy-${school}-${Math.random().toString(36).slice(2)}`.padEnd(20, '0'),
    school,
    contactName: '王老师',
    phone: '13912345678',
    date1Start: day(21),
    date1End: day(28),
    gradeBand: 'senior',
    audienceSize: '300',
    prefecture: '兰州市',
    address: '城关区某路 1 号',
    consent: 'yes',
    ...extra,
  }).toString()
}

/** Headers every answer carries, whoever made it (nginx or the Node server). */
export function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers['content-security-policy'] ?? ''
  expect(csp, `${what}: Content-Security-Policy`).toMatch(/frame-ancestors 'none'/)
  expect(csp.match(/frame-ancestors/g), `${what}: one Content-Security-Policy, not two`).toHaveLength(1)
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff')
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toMatch(
    /^(strict-origin-when-cross-origin|same-origin|no-referrer)$/,
  )
  expect(headers['strict-transport-security'], `${what}: HSTS`).toMatch(/^max-age=(\d{8,})/)
  expect(
    Number(/max-age=(\d+)/.exec(headers['strict-transport-security']!)![1]),
    `${what}: HSTS a year`,
  ).toBeGreaterThanOrEqual(31536000)
  expect(headers.server, `${what}: no version in Server`).toBe('nginx')
}

/**
 * The built server behind nginx for the suite it is called in, with an inbox in a temporary folder; `deploy`
 * is filled in before the suite's tests run.
 */
export function behindNginx() {
  const deploy = {} as { stack: Stack; inbox: string; dir: string }
  const stored = async () => (await readInbox<TalkRequestDocument>(deploy.inbox)).documents
  const get = (pathname: string, request: ProxyRequest = {}) =>
    proxyFetch(deploy.stack.nginx, pathname, { http2: true, ...request })
  const post = (body: string, headers: Record<string, string> = {}, request: ProxyRequest = {}) =>
    get('/api/talk-requests', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        origin: deploy.stack.nginx.origin,
        ...headers,
      },
      ...request,
    })

  beforeAll(async () => {
    deploy.dir = await mkdtemp(path.join(tmpdir(), 'laomo-deploy-'))
    deploy.inbox = path.join(deploy.dir, 'talk-requests.ndjson')
    deploy.stack = await startStack({
      inbox: deploy.inbox,
      env: { LAOMO_RATE_LIMIT: '1000/600', LAOMO_ATTEMPT_LIMIT: '10000/600' },
    })
  })
  afterAll(async () => {
    await deploy.stack?.stop()
    await rm(deploy.dir, { recursive: true, force: true })
  })
  return { deploy, stored, get, post }
}
