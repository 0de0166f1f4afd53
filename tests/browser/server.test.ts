/**
 * The production server (server/main.ts) over the built site, at the HTTP level: the headers on every
 * kind of answer, one Origin policy with forwarded headers believed from a trusted proxy only, the rate
 * limit charged for stored requests only, methods, /_image, timeouts, and start-up refusing bad settings.
 * The test itself plays the trusted proxy (127.0.0.1) and an untrusted peer (127.0.0.2, also loopback).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInbox } from '../../site/lib/booking/inbox'
import { OUT_DIR, SERVER_ENTRY, startServer, type ServeProcess } from '../../scripts/serve-process'

let server: ServeProcess
let inbox: string
const PUBLIC = 'https://laomo.test'

beforeAll(async () => {
  inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-server-')), 'talk-requests.ndjson')
  server = await startServer({ inbox, env: { LAOMO_TRUSTED_PROXIES: '127.0.0.1', LAOMO_RATE_LIMIT: '2/600' } })
})
afterAll(async () => {
  await server?.stop()
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request over a fresh connection, optionally from another local address (an untrusted peer). */
function send(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: target,
        headers: { connection: 'close', ...options.headers },
        localAddress: options.from,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const china = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
let keys = 0
function form(extra: Record<string, string> = {}) {
  const n = ++keys
  return String(
    new URLSearchParams({
      idempotencyKey: `server-test-${String(n).padStart(12, '0')}`,
      school: `服务器测试学校 ${n}`,
      contactName: '测试老师',
      phone: `139${String(20_000_000 + n).slice(-8)}`,
      date1Start: china(10),
      date1End: china(20),
      gradeBand: 'senior',
      audienceSize: '200',
      prefecture: '兰州市',
      address: `测试路 ${n} 号`,
      consent: 'yes',
      ...extra,
    }),
  )
}

/** A booking as a browser on the public https site sends it, through the proxy (or pretending to). */
function post(body: string, headers: Record<string, string> = {}, from?: string) {
  return send('POST', '/api/talk-requests', {
    body,
    from,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: PUBLIC,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'laomo.test',
      ...headers,
    },
  })
}

function expectSecurityHeaders(answer: Answer, what: string) {
  const csp = String(answer.headers['content-security-policy'])
  expect(csp, what).toContain("frame-ancestors 'none'")
  expect(
    csp.split('; ').find((d) => d.startsWith('script-src')),
    what,
  ).not.toContain('unsafe-inline')
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff')
  expect(answer.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(answer.headers['x-frame-options'], what).toBe('DENY')
}

describe('headers', () => {
  it('every static answer carries the security headers, with a year for hashed files and a check for the rest', async () => {
    const home = await send('GET', '/')
    const asset = home.body.match(/(?:href|src)="(\/_astro\/[^"]+)"/)![1]!
    const fragment = (await readdir(path.join(OUT_DIR, 'client', 'pagefind', 'fragment')))[0]!
    const conditional = await send('GET', '/', { headers: { 'if-none-match': String(home.headers.etag) } })
    expect(conditional.status).toBe(304)
    const answers: [string, Answer, number, string][] = [
      ['page', home, 200, 'public, no-cache'],
      ['page HEAD', await send('HEAD', '/workers/'), 200, 'public, no-cache'],
      ['304', conditional, 304, 'public, no-cache'],
      ['asset', await send('GET', asset), 200, 'public, max-age=31536000, immutable'],
      ['index chunk', await send('GET', `/pagefind/fragment/${fragment}`), 200, 'public, max-age=31536000, immutable'],
      ['map data', await send('GET', '/map/points.json'), 200, 'public, no-cache'],
      ['not found', await send('GET', '/no-such-page/'), 404, 'no-store'],
    ]
    for (const [what, answer, status, cache] of answers) {
      expect(answer.status, what).toBe(status)
      expectSecurityHeaders(answer, what)
      expect(answer.headers['cache-control'], what).toBe(cache)
    }
    expect(answers[6]![1].body).toContain('<html')
  })

  it('every endpoint answer, refusals and redirects included, carries them and is never stored', async () => {
    const answers: [string, Answer, number][] = [
      ['ready', await send('GET', '/api/talk-requests', { headers: { accept: 'application/json' } }), 200],
      ['redirect', await send('GET', '/api/talk-requests'), 303],
      ['stored', await post(form(), { 'x-forwarded-for': '198.51.100.1' }), 200],
      ['invalid', await post(form({ phone: '123' }), { 'x-forwarded-for': '198.51.100.1' }), 422],
      ['foreign', await post(form(), { origin: 'https://evil.example' }), 403],
      ['type', await post('{}', { 'content-type': 'application/json' }), 415],
      ['too long', await post(form({ notes: 'x'.repeat(40_000) })), 413],
      ['method', await send('DELETE', '/api/talk-requests'), 405],
    ]
    for (const [what, answer, status] of answers) {
      expect(answer.status, what).toBe(status)
      expectSecurityHeaders(answer, what)
      expect(answer.headers['cache-control'], what).toBe('no-store')
    }
  })
})

describe('one Origin policy', () => {
  it('accepts a booking posted on the https site through the trusted proxy, in Chinese', async () => {
    const json = await post(form(), { 'x-forwarded-for': '198.51.100.2' })
    expect(json.status).toBe(200)
    expect(JSON.parse(json.body).reference).toMatch(/^LM-\d{8}-[2-9A-Z]{4}$/)
    const page = await post(form(), { accept: 'text/html', 'x-forwarded-for': '198.51.100.2' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('预约申请已提交')
    expectSecurityHeaders(page, 'result page')
  })

  it('refuses the same forwarded headers from an untrusted peer, with the site’s Chinese 403', async () => {
    const json = await post(form(), { 'x-forwarded-for': '198.51.100.3' }, '127.0.0.2')
    expect(json.status).toBe(403)
    expect(JSON.parse(json.body).message).toBe('请求来源不正确：请在本站的预约页面上填写并提交。')
    const page = await post(form(), { accept: 'text/html' }, '127.0.0.2')
    expect(page.status).toBe(403)
    expect(page.body).toContain('请求来源不正确')
    expect(page.body).not.toContain('Cross-site')
  })

  it('from an untrusted peer, its own http view still counts (a proxy-less deployment works)', async () => {
    const own = `http://127.0.0.1:${server.port}`
    expect(
      (await post(form(), { origin: own, 'x-forwarded-host': 'x', 'x-forwarded-proto': 'x' }, '127.0.0.2')).status,
    ).toBe(200)
  })
})

describe('rate limit (LAOMO_RATE_LIMIT=2/600 here)', () => {
  it('charges stored requests only, per real client address behind the proxy', async () => {
    const from = (address: string, body: string) => post(body, { 'x-forwarded-for': `6.6.6.6, ${address}` })
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.50', form({ phone: 'typo' }))).status).toBe(422)
    expect((await from('198.51.100.50', form())).status).toBe(200)
    expect((await from('198.51.100.50', form())).status).toBe(200)
    const limited = await from('198.51.100.50', form())
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(JSON.parse(limited.body).message).toContain('分钟后再试')
    expect(limited.headers['cache-control']).toBe('no-store')
    // Another school behind the same proxy has its own allowance; the forged left-hand hop changed nothing.
    expect((await from('198.51.100.51', form())).status).toBe(200)
  })
})

describe('nothing on demand that need not be', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s gets 405 with Allow, never 500', async (method) => {
    for (const [target, allow] of [
      ['/', 'GET, HEAD'],
      ['/api/talk-requests', 'GET, HEAD, POST'],
    ]) {
      const answer = await send(method, target!)
      expect(answer.status, `${method} ${target}`).toBe(405)
      expect(answer.headers.allow).toBe(allow)
      expectSecurityHeaders(answer, `${method} ${target}`)
      expect(answer.headers['cache-control']).toBe('no-store')
    }
    expect((await send('POST', '/schools/', { body: 'x' })).status).toBe(405)
  })

  it('answers a method Node cannot even parse with a 400 carrying the headers, also on a kept-alive connection', async () => {
    const text = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nFOO /api/talk-requests HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            `Content-Length: 5000\r\n\r\n${'x'.repeat(5000)}`,
        ),
      )
      let text = ''
      socket.on('data', (d) => (text += d))
      socket.on('close', () => resolve(text))
      socket.on('error', () => undefined)
    })
    const second = text.slice(text.lastIndexOf('HTTP/1.1 '))
    expect(second).toMatch(/^HTTP\/1\.1 400 /)
    expect(second).toContain("frame-ancestors 'none'")
    expect(second).toContain('请求无法解析')
  })

  it('refuses /_image: nothing is encoded on demand', async () => {
    for (const target of [
      '/_image?href=%2Fog-default.png&w=4000&h=4000&f=avif',
      '/_image?href=https%3A%2F%2Fcdn.sanity.io%2Fx.jpg',
    ]) {
      const started = performance.now()
      const answer = await send('GET', target)
      expect(answer.status, target).toBe(404)
      expect(performance.now() - started).toBeLessThan(1000)
      expectSecurityHeaders(answer, target)
    }
  })

  it('drops a body that never finishes within seconds, with a 408 carrying the headers', async () => {
    const started = Date.now()
    const { text, ms } = await new Promise<{ text: string; ms: number }>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          'POST /api/talk-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
            `Origin: http://127.0.0.1:${server.port}\r\nContent-Length: 1000\r\n\r\nschool=`,
        ),
      )
      let text = ''
      socket.on('data', (d) => (text += d))
      socket.on('close', () => resolve({ text, ms: Date.now() - started }))
      socket.on('error', () => undefined)
    })
    expect(ms).toBeGreaterThan(9_000)
    expect(ms).toBeLessThan(12_500)
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(text).toContain("frame-ancestors 'none'")
    // The server still answers.
    expect((await send('GET', '/')).status).toBe(200)
  }, 30_000)

  it('stored each accepted request once', async () => {
    const { documents, skipped } = await readInbox(inbox)
    expect(skipped).toEqual([])
    expect(new Set(documents.map((d) => (d as { _id: string })._id)).size).toBe(documents.length)
  })
})

describe('start-up', () => {
  /** Starts the server with `env` and returns how it exited and what it said. */
  function start(env: Record<string, string>) {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [SERVER_ENTRY], {
        env: { ...process.env, LAOMO_OUT_DIR: OUT_DIR, HOST: '127.0.0.1', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (d) => (output += d))
      child.stderr.on('data', (d) => (output += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.on('exit', (code) => {
        clearTimeout(timer)
        resolve({ code, output })
      })
    })
  }

  it.each([
    ['LAOMO_ALLOWED_ORIGINS', 'laomo.example.org', 'is not an origin: write it with its scheme'],
    ['LAOMO_SITE_URL', 'https://laomo.example.org/zh/', 'more than an origin'],
    ['LAOMO_RATE_LIMIT', 'abc', 'must be "<max>/<seconds>"'],
    ['LAOMO_ATTEMPT_LIMIT', '10', 'must be "<max>/<seconds>"'],
    ['LAOMO_TRUSTED_PROXIES', 'proxy.internal', 'is not an IP address'],
  ])('refuses %s=%j with a message and exit code 1', async (name, value, message) => {
    const { code, output } = await start({ [name]: value })
    expect(code, output).toBe(1)
    expect(output).toContain(`invalid configuration:\n  - ${name}: `)
    expect(output).toContain(message)
  })
})
