/**
 * The production server (`npm run serve`): the built site's files from `<outDir>/client` and the booking
 * endpoint, the one on-demand route, through the Node adapter's handler (`mode: 'middleware'`,
 * astro.config.mjs). Our own entry rather than the adapter's standalone server because that one could not
 * be told which proxies to trust, answered any method on any path through Astro (TRACE → 500, /_image
 * re-encoding on demand), set no security headers and kept Node's 300 s request timeout.
 *
 * Environment (checked at start-up; a bad value exits 1 with a message naming it):
 *   HOST                    127.0.0.1   address to listen on (the proxy on the same machine reaches it)
 *   PORT                    4321
 *   LAOMO_OUT_DIR           dist        the build to serve (relative to the repository); the publish
 *                                       service's `releases/current` link is followed to each new release
 *   LAOMO_SITE_URL          —           the public origin, e.g. https://laomo.example.org: allowed to post
 *   LAOMO_ALLOWED_ORIGINS   —           more origins allowed to post, comma-separated, each with its scheme
 *   LAOMO_TRUSTED_PROXIES   loopback    peers whose X-Forwarded-For/-Proto/-Host, Forwarded and X-Real-IP
 *                                       are believed: IPs and CIDRs, comma-separated, `loopback` or `none`
 *   LAOMO_RATE_LIMIT        60/3600     accepted (stored) requests per client address: <max>/<seconds>
 *   LAOMO_ATTEMPT_LIMIT     300/600     every POST per client address, valid or not: <max>/<seconds>
 *   LAOMO_INBOX, SANITY_PROJECT_ID, SANITY_DATASET, SANITY_WRITE_TOKEN: where requests are stored (store.ts)
 *   LAOMO_FEEDBACK_SECRET   —           signs feedback links (≥ 32 characters); unset: feedback is off, unless
 *                                       LAOMO_FEEDBACK=on, which makes a missing secret a start-up error
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { createRateLimiter } from '../site/lib/booking/rate-limit.ts'
import { parseFeedbackConfig } from '../site/lib/feedback/token.ts'
import type { BookingLocals } from '../site/lib/booking/runtime.ts'
import { ConfigError, parseConfig, type ServerConfig } from './config.ts'
import { followBuild } from './build.ts'
import { allowedMethods, NO_STORE, ON_DEMAND_PATHS, securityHeaders } from './policy.ts'
import { clientAddress, publicOrigin } from './proxy.ts'
import { serveStatic } from './static.ts'

/** Timeouts sized for a form of a few kilobytes, not for uploads. */
export const TIMEOUTS = {
  /**
   * The request line and headers must arrive within this. Node counts from the connection, not from the
   * first byte read: under a burst the server reads a waiting connection late, so this is as long as the
   * whole-request limit rather than shorter (5 s answered a well-behaved client 408 in a 1,200-request burst).
   */
  headersMs: 10_000,
  /** The whole request, body included: a body that never finishes is dropped after this. */
  requestMs: 10_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: 5_000,
  /** How often Node checks the two above (its default, 30 s, would let a stalled body live 40 s). */
  checkEveryMs: 1_000,
  /** A connection with no traffic at all (a reader that stopped reading) is closed after this. */
  idleMs: 30_000,
}

const CLIENT_ERRORS: Record<string, [string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', '请求超时。'],
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', '请求头过大。'],
  default: ['400 Bad Request', '请求无法解析。'],
}

function rawAnswer(status: string, text: string, headers: Record<string, string>) {
  const body = Buffer.from(text)
  const lines = Object.entries({
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': NO_STORE,
    Connection: 'close',
  }).map(([name, value]) => `${name}: ${value}`)
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${lines.join('\r\n')}\r\n\r\n`), body])
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE, ...headers })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

function loadConfig(): ServerConfig {
  try {
    const config = parseConfig(process.env)
    // The feedback form reads the same settings per request; checked here so a bad secret stops the start.
    parseFeedbackConfig(process.env)
    return config
  } catch (error) {
    if (!(error instanceof ConfigError) && !/^LAOMO_FEEDBACK/.test((error as Error).message)) throw error
    console.error(`laomo server: ${(error as Error).message}`)
    process.exit(1)
  }
}

async function main() {
  const config = loadConfig()
  const builds = await followBuild(config.outDir, config.previewOrigins, (line) => console.log(`laomo server: ${line}`))
  const first = builds.first
  const limits = {
    attempts: createRateLimiter(config.attemptLimit),
    accepted: createRateLimiter(config.acceptedLimit),
    lookups: createRateLimiter(config.lookupLimit),
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const { staticDir, policies, handler } = builds.current()
    let pathname: string | null
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname
      decodeURIComponent(pathname)
    } catch {
      pathname = null
    }
    for (const [name, value] of Object.entries(securityHeaders(pathname ?? '/', policies))) res.setHeader(name, value)
    if (pathname === null) return plain(res, 400, '请求地址无效。')

    const allowed = allowedMethods(pathname)
    if (!allowed.includes(req.method ?? '')) {
      return plain(res, 405, '不支持此请求方法。', { Allow: allowed.join(', ') })
    }
    if (!ON_DEMAND_PATHS.has(pathname)) return serveStatic(staticDir, req, res, pathname)

    res.setHeader('Cache-Control', NO_STORE)
    const peer = req.socket.remoteAddress
    const locals: BookingLocals = {
      booking: {
        clientAddress: clientAddress(peer, req.headers, config.trustedProxies),
        ownOrigin: publicOrigin(peer, req.headers, config.trustedProxies, 'encrypted' in req.socket),
        allowedOrigins: config.allowedOrigins,
        limits,
      },
    }
    await handler(req, res, () => plain(res, 404, '页面不存在。'), locals)
  }

  const server = createServer(
    {
      headersTimeout: TIMEOUTS.headersMs,
      requestTimeout: TIMEOUTS.requestMs,
      keepAliveTimeout: TIMEOUTS.keepAliveMs,
      connectionsCheckingInterval: TIMEOUTS.checkEveryMs,
    },
    (req, res) => {
      onRequest(req, res).catch((error) => {
        console.error(`laomo server: ${req.method} ${req.url} failed:`, error)
        if (!res.headersSent) plain(res, 500, '服务器内部错误，请稍后再试。')
        else res.destroy()
      })
    },
  )
  server.setTimeout(TIMEOUTS.idleMs)
  // Requests Node refuses itself (timed out, unparsable, an unknown method, headers too large) get the same
  // headers as every other answer instead of Node's bare status line.
  const refused = new WeakSet<Duplex>()
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (refused.has(socket)) return // the parser reports each later chunk again
    refused.add(socket)
    // As Node decides: no answer once one has started on this connection (it may be a kept-alive one).
    const answering = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) return void socket.destroy()
    const [status, text] = CLIENT_ERRORS[error.code ?? ''] ?? CLIENT_ERRORS.default!
    // end(), not destroy(): closing with the client's unread bytes pending would reset the connection and
    // lose the answer. Whatever the client still sends is not waited for long.
    socket.end(rawAnswer(status, text, securityHeaders('/', builds.current().policies)))
    setTimeout(() => socket.destroy(), 2_000).unref()
  })

  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    // Whatever is still in flight after this has had its chance (every stored request is fsync'd first).
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)

  server.on('error', (error) => {
    console.error(`laomo server: cannot listen on ${config.host}:${config.port}: ${error.message}`)
    process.exit(1)
  })
  server.listen(config.port, config.host, () => {
    console.log(
      [
        `laomo server: listening on http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
        `  build ${first.dir} (${first.pages} pages, ${first.scriptHashes} inline script hashes, ${first.scanMs} ms)`,
        `  trusted proxies: ${config.trustedProxies.description}; allowed origins: ${config.allowedOrigins.join(', ') || '(the request’s own only)'}`,
        `  limits per client: ${config.acceptedLimit.max} accepted / ${config.acceptedLimit.windowMs / 1000} s, ${config.attemptLimit.max} posts / ${config.attemptLimit.windowMs / 1000} s`,
      ].join('\n'),
    )
  })
}

await main()
