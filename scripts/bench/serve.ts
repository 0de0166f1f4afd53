/**
 * Serves a built site on 127.0.0.1 as a production static host would: gzip for text, so the
 * bytes counted are the bytes a phone would download. Every response's body size is logged.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { resolveStatic, TYPES as SITE_TYPES } from '../static-files.ts'

// The plain static host knows the site's file types; the bench adds what a page may also load.
const TYPES: Record<string, string> = { ...SITE_TYPES, '.avif': 'image/avif', '.woff2': 'font/woff2' }
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml|wasm)|image\/svg)/

export const resolveFile = resolveStatic

export interface Served {
  origin: string
  server: Server
  /** Responses since the last reset: URL path and body bytes as sent (gzipped when compressible). */
  log: { url: string; bytes: number; status: number }[]
  close(): Promise<void>
}

export async function serve(root: string): Promise<Served> {
  const gzipped = new Map<string, Buffer>()
  const log: Served['log'] = []
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const file = resolveFile(root, url)
    const status = file ? 200 : 404
    const target = file ?? path.join(root, '404.html')
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream'
    let body: Buffer = existsSync(target) ? readFileSync(target) : Buffer.from('Not found')
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' }
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const cached = gzipped.get(target)
      body = cached ?? gzipSync(body, { level: 6 })
      gzipped.set(target, body)
      headers['Content-Encoding'] = 'gzip'
    }
    headers['Content-Length'] = String(body.length)
    res.writeHead(status, headers)
    res.end(body)
    log.push({ url, bytes: body.length, status })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
