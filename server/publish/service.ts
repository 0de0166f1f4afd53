/**
 * The publish service's HTTP side: Sanity's webhook deliveries in, the status out.
 *
 *   POST /hooks/publish   a signed delivery: 202 queued, 200 already seen, 400/401/413 refused (nothing built)
 *   GET  /status          the status as JSON (the Studio's 发布状态 tool reads it)
 *
 * The signature is checked on the raw body with @sanity/webhook before anything else is read from it, and
 * a delivery is written to the status file before it is acknowledged, so an accepted one is never lost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { parseDelivery, type Queued } from './delivery.ts'
import type { PublishConfig } from './config.ts'
import type { BuildQueue } from './queue.ts'
import type { StatusStore } from './status.ts'

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > max) throw new TooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > max) throw new TooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function createPublishHandler(
  config: Pick<PublishConfig, 'secret' | 'statusOrigins' | 'maxBody'>,
  queue: BuildQueue<Queued>,
  status: StatusStore,
) {
  async function onDelivery(req: IncomingMessage, res: ServerResponse) {
    let body: string
    try {
      body = await readBody(req, config.maxBody)
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error
      res.setHeader('Connection', 'close')
      return answer(res, 413, { error: `请求内容过大（上限 ${config.maxBody / 1024} KB）。` })
    }
    const signature = req.headers[SIGNATURE_HEADER_NAME]
    if (typeof signature !== 'string' || !(await isValidSignature(body, signature, config.secret).catch(() => false)))
      return answer(res, 401, { error: '签名缺失或无效：请检查 Sanity webhook 的密钥设置。' })
    const key = String(req.headers['idempotency-key'] ?? signature)
    if (status.read().seenKeys.includes(key))
      return answer(res, 200, { status: 'duplicate', message: '此次推送已处理过。' })
    const parsed = parseDelivery(body)
    if ('error' in parsed) return answer(res, 400, { error: parsed.error })
    await status.update((s) => {
      s.seenKeys.push(key)
      s.pending.push({ key, delivery: parsed.delivery })
    })
    queue.add({ key, delivery: parsed.delivery })
    answer(res, 202, { status: 'queued', message: '已收到，网站将在构建完成后更新。' })
  }

  function onStatus(req: IncomingMessage, res: ServerResponse) {
    const origin = req.headers.origin
    const cors: Record<string, string> =
      origin && config.statusOrigins.includes(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}
    const { seenKeys: _keys, pending, ...rest } = status.read()
    const { running, waiting } = queue.snapshot()
    answer(
      res,
      200,
      { ...rest, pending: pending.length, building: running?.length ?? 0, waiting: waiting.length },
      cors,
    )
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (pathname === '/hooks/publish') {
      if (req.method !== 'POST') return answer(res, 405, { error: '只接受 POST。' }, { Allow: 'POST' })
      return onDelivery(req, res)
    }
    if (pathname === '/status') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return answer(res, 405, { error: '只接受 GET。' }, { Allow: 'GET, HEAD' })
      return onStatus(req, res)
    }
    answer(res, 404, { error: '没有这个地址。' })
  }
}
