/** The publish service's HTTP side with real signatures: what it accepts, what it refuses, what it keeps. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { afterEach, describe, expect, it } from 'vitest'
import type { Queued } from './delivery'
import { createBuildQueue } from './queue'
import { createPublishHandler } from './service'
import { openStatus } from './status'

const SECRET = 'a-test-secret-of-some-length'
let server: Server | undefined
afterEach(() => server?.close())

async function start() {
  const root = mkdtempSync(path.join(tmpdir(), 'laomo-publish-'))
  const status = openStatus(root)
  const built: Queued[][] = []
  let finishBuild = () => {}
  const queue = createBuildQueue<Queued>(
    (batch) =>
      new Promise<void>((resolve) => {
        built.push(batch)
        finishBuild = resolve
      }),
  )
  const handle = createPublishHandler(
    { secret: SECRET, statusOrigins: ['http://localhost:3333'], maxBody: 1024 },
    queue,
    status,
  )
  server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { root, status, built, url, finish: () => finishBuild() }
}

async function deliver(url: string, body: string, options: { key?: string; secret?: string; signature?: string } = {}) {
  const signature = options.signature ?? (await encodeSignatureHeader(body, Date.now(), options.secret ?? SECRET))
  const response = await fetch(`${url}/hooks/publish`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': options.key ?? 'k1',
      [SIGNATURE_HEADER_NAME]: signature,
    },
    body,
  })
  return { status: response.status, body: (await response.json()) as Record<string, string> }
}

const doc = (id: string) => JSON.stringify({ _id: id, _type: 'talk', operation: 'update' })

describe('publish service', () => {
  it('accepts a signed delivery, keeps it before answering, and builds once for a replay', async () => {
    const { root, built, url } = await start()
    const first = await deliver(url, doc('talk-1'), { key: 'delivery-1' })
    expect(first).toEqual({ status: 202, body: { status: 'queued', message: '已收到，网站将在构建完成后更新。' } })
    const kept = JSON.parse(readFileSync(path.join(root, 'status.json'), 'utf8'))
    expect(kept.pending).toEqual([
      { key: 'delivery-1', delivery: { _id: 'talk-1', _type: 'talk', operation: 'update' } },
    ])
    const replay = await deliver(url, doc('talk-1'), { key: 'delivery-1' })
    expect(replay.status).toBe(200)
    expect(replay.body.status).toBe('duplicate')
    expect(built).toHaveLength(1)
  })

  it('refuses a missing, wrong or forged signature with 401 and builds nothing', async () => {
    const { built, url, status } = await start()
    const noSignature = await fetch(`${url}/hooks/publish`, { method: 'POST', body: doc('t') })
    expect(noSignature.status).toBe(401)
    expect(((await noSignature.json()) as { error: string }).error).toContain('签名')
    expect((await deliver(url, doc('t'), { secret: 'another-secret-entirely' })).status).toBe(401)
    expect((await deliver(url, doc('t'), { signature: 'not-a-signature' })).status).toBe(401)
    // Signed for one body, sent with another.
    const signature = await encodeSignatureHeader(doc('a'), Date.now(), SECRET)
    expect((await deliver(url, doc('b'), { signature })).status).toBe(401)
    expect(built).toEqual([])
    expect(status.read().seenKeys).toEqual([])
  })

  it('refuses an oversized body with 413 and a malformed one with 400, building nothing', async () => {
    const { built, url } = await start()
    const big = JSON.stringify({ _id: 'x', _type: 'talk', padding: 'x'.repeat(2_000) })
    expect((await deliver(url, big)).status).toBe(413)
    const malformed = await deliver(url, '{"_id": 1}', { key: 'k-bad' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toContain('_id')
    expect(built).toEqual([])
  })

  it('folds a burst into one running and one waiting build', async () => {
    const { built, url, finish } = await start()
    for (let i = 1; i <= 10; i++) expect((await deliver(url, doc(`t-${i}`), { key: `k-${i}` })).status).toBe(202)
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, number>
    expect(status).toMatchObject({ pending: 10, building: 1, waiting: 9 })
    finish()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(built.map((b) => b.length)).toEqual([1, 9])
  })

  it('lets the Studio read the status from its origin, and no other', async () => {
    const { url } = await start()
    const studio = await fetch(`${url}/status`, { headers: { origin: 'http://localhost:3333' } })
    expect(studio.headers.get('access-control-allow-origin')).toBe('http://localhost:3333')
    const other = await fetch(`${url}/status`, { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(Object.keys((await studio.json()) as object)).not.toContain('seenKeys')
    expect((await fetch(`${url}/hooks/publish`)).status).toBe(405)
  })
})
