/** The two ways in: straight to the server on 127.0.0.1, and through nginx with TLS as deployed. */
import { request as httpRequest, Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { proxyFetch } from '../nginx/client.ts'
import { BOOKING_ENDPOINT_PATH } from '#domain/paths'
import { TEST_SERVER_NAME } from '../nginx/process.ts'
import { startStack, type Stack } from '../nginx/stack.ts'
import { startServer, type ServeProcess } from '../serve-process.ts'
import { ENV } from './settings.ts'

export interface Answer {
  status: number
  text: string
  ms: number
  /** Set when no HTTP answer came (connection refused, reset). */
  error?: string
}
interface Send {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string | Buffer
  localAddress?: string
}
export interface Target {
  name: 'direct' | 'nginx'
  /** The origin a browser on the site sends. */
  origin: string
  send(request: Send): Promise<Answer>
  /** A raw connection to the target (TLS for nginx), for clients that misbehave below HTTP. */
  socket(localAddress?: string): Socket
  server(): ServeProcess
  kill(): void
  restart(): Promise<void>
  stop(): Promise<void>
}

export async function startTarget(name: Target['name'], inbox: string): Promise<Target> {
  if (name === 'direct') {
    let server = await startServer({ inbox, env: ENV })
    const port = server.port
    const agent = new HttpAgent({ keepAlive: true, maxSockets: Infinity })
    return {
      name,
      origin: server.origin,
      send: (r) =>
        timed(
          () =>
            new Promise((resolve, reject) => {
              const req = httpRequest(
                {
                  host: '127.0.0.1',
                  port,
                  method: r.method ?? 'POST',
                  path: r.path ?? BOOKING_ENDPOINT_PATH,
                  headers: withLength(r),
                  agent,
                  localAddress: r.localAddress,
                },
                (res) => {
                  const chunks: Buffer[] = []
                  res.on('data', (c: Buffer) => chunks.push(c))
                  res.once('error', reject)
                  res.once('end', () =>
                    resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
                  )
                },
              )
              req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')))
              req.once('error', reject)
              req.end(r.body)
            }),
        ),
      socket: (localAddress) => netConnect({ host: '127.0.0.1', port, localAddress }),
      server: () => server,
      kill: () => server.child.kill('SIGKILL'),
      async restart() {
        await server.stop()
        server = await startServer({ inbox, port, env: ENV })
      },
      async stop() {
        agent.destroy()
        await server.stop()
      },
    }
  }
  const stack: Stack = await startStack({ inbox, env: ENV })
  const { nginx } = stack
  const agent = new HttpsAgent({ keepAlive: true, maxSockets: Infinity, ca: nginx.ca })
  return {
    name,
    origin: nginx.origin,
    send: (r) =>
      timed(() =>
        proxyFetch(nginx, r.path ?? BOOKING_ENDPOINT_PATH, {
          method: r.method ?? 'POST',
          headers: withLength(r),
          body: r.body,
          localAddress: r.localAddress,
          agent,
          timeoutMs: 60_000,
        }),
      ),
    socket: (localAddress) =>
      tlsConnect({
        socket: netConnect({ host: '127.0.0.1', port: nginx.httpsPort, localAddress }),
        servername: TEST_SERVER_NAME,
        ca: nginx.ca,
        ALPNProtocols: ['http/1.1'],
      }),
    server: () => stack.server,
    kill: () => stack.server.child.kill('SIGKILL'),
    async restart() {
      await stack.restartServer()
    },
    async stop() {
      agent.destroy()
      await stack.stop()
    },
  }
}

/**
 * The body's length, said: Node's client sends none for a DELETE or OPTIONS body, whose bytes the server then
 * reads as the start of the next request on that kept-alive connection.
 */
function withLength(r: Send): Record<string, string> {
  const headers = { ...r.headers }
  const streamed = Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding')
  if (r.body !== undefined && !streamed) headers['Content-Length'] = String(Buffer.byteLength(r.body))
  return headers
}

async function timed(run: () => Promise<{ status: number; text: string }>): Promise<Answer> {
  const started = performance.now()
  try {
    const { status, text } = await run()
    return { status, text, ms: performance.now() - started }
  } catch (error) {
    return { status: 0, text: '', ms: performance.now() - started, error: (error as Error).message }
  }
}

/** A booking as the form's script posts it. */
export function submit(
  target: Target,
  body: URLSearchParams | string | Buffer,
  headers: Record<string, string> = {},
  localAddress?: string,
) {
  return target.send({
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : String(body),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: target.origin,
      ...headers,
    },
    localAddress,
  })
}
export const referenceOf = (answer: Answer) => {
  try {
    return (JSON.parse(answer.text) as { reference?: string }).reference
  } catch {
    return undefined
  }
}
