/**
 * An HTTPS client (HTTP/1.1 or HTTP/2) that reaches the proxy under its server name, as a browser would (SNI,
 * Host, certificate checked against the throwaway CA).
 */
import http2 from 'node:http2'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { NginxProcess } from './process.ts'

/** Resolves every name to 127.0.0.1, as a hosts-file entry for the test name would. */
const loopback: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ])
  else callback(null, '127.0.0.1', 4)
}

export interface ProxyResponse {
  status: number
  headers: Record<string, string>
  /** Decoded (gzip/br undone), as text. */
  text: string
  /** The wire size of the body. */
  bytes: number
  protocol: 'h2' | 'http/1.1'
}

export interface ProxyRequest {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Source address of the client's connection (another loopback address is another client). */
  localAddress?: string
  /** HTTP/2 (what browsers speak to it); HTTP/1.1 otherwise (default). */
  http2?: boolean
  agent?: https.Agent
  timeoutMs?: number
}

function decode(buffer: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(buffer).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(buffer).toString('utf8')
  return buffer.toString('utf8')
}

const flatten = (headers: Record<string, string | string[] | number | undefined>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name, v]) => v !== undefined && !name.startsWith(':'))
      .map(([name, v]) => [name.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]),
  )

/** One request to the proxy at `target` (an NginxProcess or its origin + CA). */
export function proxyFetch(
  target: Pick<NginxProcess, 'origin' | 'ca' | 'serverName'>,
  pathname: string,
  request: ProxyRequest = {},
): Promise<ProxyResponse> {
  const url = new URL(pathname, target.origin)
  const method = request.method ?? (request.body === undefined ? 'GET' : 'POST')
  const timeoutMs = request.timeoutMs ?? 30_000
  if (request.http2) {
    return new Promise((resolve, reject) => {
      const session = http2.connect(url.origin, {
        ca: target.ca,
        servername: target.serverName,
        lookup: loopback,
        ...(request.localAddress ? { localAddress: request.localAddress } : {}),
      } as http2.SecureClientSessionOptions)
      session.once('error', reject)
      session.setTimeout(timeoutMs, () => {
        session.destroy()
        reject(new Error(`HTTP/2 ${method} ${pathname}: no answer within ${timeoutMs} ms`))
      })
      const stream = session.request({ ':method': method, ':path': url.pathname + url.search, ...request.headers })
      const chunks: Buffer[] = []
      let headers: Record<string, string> = {}
      let status = 0
      stream.on('response', (h) => {
        status = Number(h[':status'])
        headers = flatten(h as Record<string, string>)
      })
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.once('error', (e) => {
        session.close()
        reject(e)
      })
      stream.once('end', () => {
        session.close()
        const body = Buffer.concat(chunks)
        try {
          resolve({
            status,
            headers,
            text: decode(body, headers['content-encoding']),
            bytes: body.length,
            protocol: 'h2',
          })
        } catch (e) {
          reject(e as Error)
        }
      })
      if (request.body !== undefined) stream.end(request.body)
      else stream.end()
    })
  }
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: url.port,
        servername: target.serverName,
        ca: target.ca,
        method,
        path: url.pathname + url.search,
        headers: { Host: url.host, ...request.headers },
        agent: request.agent ?? false,
        ...(request.localAddress ? { localAddress: request.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.once('error', reject)
        res.once('end', () => {
          const body = Buffer.concat(chunks)
          const headers = flatten(res.headers)
          try {
            resolve({
              status: res.statusCode ?? 0,
              headers,
              text: decode(body, headers['content-encoding']),
              bytes: body.length,
              protocol: 'http/1.1',
            })
          } catch (e) {
            reject(e as Error)
          }
        })
      },
    )
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${pathname}: no answer within ${timeoutMs} ms`)))
    req.once('error', reject)
    req.end(request.body)
  })
}
