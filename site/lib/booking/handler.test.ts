import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { handleSubmission, MAX_BODY_BYTES, MAX_DISCARDED_BYTES, type HandlerDeps } from './handler'
import { readInbox } from './inbox'
import { createRateLimiter, DEFAULT_ACCEPTED_LIMIT, DEFAULT_ATTEMPT_LIMIT, parseRateLimit } from './rate-limit'
import { memoryWriter } from './memory-writer'
import { inboxStore, sanityStore } from './store'
import { buildDocument, documentId, referenceFor, requestIdentity } from './document'
import type { TalkRequestDocument } from './document'
import type { ValidRequest } from './form'

const ORIGIN = 'http://127.0.0.1:4321'
const NOW = new Date('2026-11-24T02:00:00Z')

const fields = {
  school: '兰州市某中学',
  contactName: '李老师',
  phone: '13912345678',
  email: 'li@example.org',
  workers: 'worker-a',
  topic: '工匠精神',
  date1Start: '2026-12-01',
  date1End: '2026-12-05',
  date2Start: '2027-03-01',
  date2End: '2027-03-10',
  gradeBand: 'senior',
  audienceSize: '800',
  prefecture: '天水市',
  address: '秦州区某路 2 号',
  notes: '请安排在周三下午（班会时间）。',
  consent: 'yes',
  idempotencyKey: 'key-0123456789abcdef',
}

const request: ValidRequest = {
  school: 's',
  contactName: 'c',
  phone: '13800000000',
  workers: ['worker-a'],
  preferredDates: [{ start: '2026-12-01', end: '2026-12-02' }],
  gradeBand: 'primary',
  audienceSize: 10,
  prefecture: '兰州市',
  address: 'a',
  consent: true,
}

const post = (body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/talk-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
    body: String(body),
  })

async function setup(accepted = '100/60', attempts = '1000/60') {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-handler-')), 'inbox.ndjson')
  const deps: HandlerDeps = {
    store: inboxStore(file),
    workerIds: ['worker-a', 'worker-b'],
    allowedOrigins: ['https://laomo.example.org'],
    limits: {
      attempts: createRateLimiter(parseRateLimit(attempts, DEFAULT_ATTEMPT_LIMIT)),
      accepted: createRateLimiter(parseRateLimit(accepted, DEFAULT_ACCEPTED_LIMIT)),
    },
    clientAddress: '127.0.0.1',
    now: NOW,
  }
  return { file, deps }
}

describe('handleSubmission', () => {
  it('stores a valid request as a talkRequest document with every field', async () => {
    const { file, deps } = await setup()
    const outcome = await handleSubmission(post(new URLSearchParams(fields)), deps)
    expect(outcome).toMatchObject({ kind: 'stored', status: 200, created: true })
    const { documents } = await readInbox<TalkRequestDocument>(file)
    expect(documents).toHaveLength(1)
    const doc = documents[0]!
    expect(doc).toMatchObject({
      _type: 'talkRequest',
      status: 'new',
      receivedAt: NOW.toISOString(),
      school: fields.school,
      contactName: fields.contactName,
      phone: fields.phone,
      email: fields.email,
      topic: fields.topic,
      gradeBand: 'senior',
      audienceSize: 800,
      prefecture: '天水市',
      address: fields.address,
      notes: fields.notes,
      consent: true,
    })
    expect(doc.reference).toMatch(/^LM-20261124-[2-9A-Z]{4}$/)
    expect(outcome.kind === 'stored' && outcome.reference).toBe(doc.reference)
    expect(doc.preferredWorkers).toEqual([{ _type: 'reference', _ref: 'worker-a', _key: expect.any(String) }])
    expect(doc.preferredDates.map(({ start, end, _type }) => ({ start, end, _type }))).toEqual([
      { start: '2026-12-01', end: '2026-12-05', _type: 'dateRange' },
      { start: '2027-03-01', end: '2027-03-10', _type: 'dateRange' },
    ])
    expect(new Set(doc.preferredDates.map((d) => d._key)).size).toBe(2)
  })

  it('stores a double submit once and answers with the same reference', async () => {
    const { file, deps } = await setup()
    const [a, b] = await Promise.all([
      handleSubmission(post(new URLSearchParams(fields)), deps),
      handleSubmission(post(new URLSearchParams(fields)), deps),
    ])
    const c = await handleSubmission(post(new URLSearchParams(fields)), { ...deps, store: inboxStore(file) })
    expect(a.kind === 'stored' && b.kind === 'stored' && c.kind === 'stored').toBe(true)
    const refs = [a, b, c].map((o) => (o.kind === 'stored' ? o.reference : ''))
    expect(new Set(refs).size).toBe(1)
    expect((await readInbox(file)).documents).toHaveLength(1)
    // Another key is another request.
    await handleSubmission(post(new URLSearchParams({ ...fields, idempotencyKey: 'key-another-0000000001' })), deps)
    expect((await readInbox(file)).documents).toHaveLength(2)
  })

  it('answers bad input with 422, the messages and the typed values, and stores nothing', async () => {
    const { file, deps } = await setup()
    const outcome = await handleSubmission(post(new URLSearchParams({ ...fields, phone: '12345' })), deps)
    expect(outcome.kind).toBe('invalid')
    if (outcome.kind !== 'invalid') return
    expect(outcome.status).toBe(422)
    expect(outcome.errors.phone).toContain('手机号码')
    expect(outcome.values.school).toBe(fields.school)
    expect(outcome.values.workers).toEqual(['worker-a'])
    expect((await readInbox(file)).documents).toHaveLength(0)
  })

  it.each([
    ['wrong content type', post('{}', { 'content-type': 'application/json' }), 415],
    ['no content type', post('school=x', { 'content-type': '' }), 415],
    ['foreign origin', post(new URLSearchParams(fields), { origin: 'https://evil.example' }), 403],
    ['no origin', post(new URLSearchParams(fields), { origin: '' }), 403],
    ['huge body', post(`notes=${'x'.repeat(MAX_BODY_BYTES + 10)}`), 413],
    ['script payload', post(new URLSearchParams({ ...fields, notes: '<script>alert(1)</script>' })), 422],
    [
      'markup in the school name',
      post(new URLSearchParams({ ...fields, school: '<img src=x onerror=alert(1)>' })),
      422,
    ],
    ['honeypot filled', post(new URLSearchParams({ ...fields, website: 'http://spam' })), 400],
  ])('%s → %i, nothing stored', async (_name, request, status) => {
    const { file, deps } = await setup()
    const outcome = await handleSubmission(request, deps)
    expect(outcome.status).toBe(status)
    expect((await readInbox(file)).documents).toHaveLength(0)
  })

  /** A body streamed without a length (as a script would send it), in 64 KiB chunks. */
  function streamed(bytes: number, headers: Record<string, string> = {}) {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    const state = { sent: 0, cancelled: false }
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.sent >= bytes) return controller.close()
        controller.enqueue(chunk)
        state.sent += chunk.byteLength
      },
      cancel() {
        state.cancelled = true
      },
    })
    const request = new Request(`${ORIGIN}/api/talk-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
      body,
      duplex: 'half',
    } as RequestInit)
    return { request, state }
  }

  it('reads an oversized streamed body to its end before answering 413, so the client gets the answer', async () => {
    const { file, deps } = await setup()
    const { request, state } = streamed(2 * 1024 * 1024)
    const outcome = await handleSubmission(request, deps)
    expect(outcome.status).toBe(413)
    // Cancelling would reset the connection while the client is still sending (EPIPE, no 413).
    expect(state.cancelled).toBe(false)
    expect(state.sent).toBe(2 * 1024 * 1024)
    expect((await readInbox(file)).documents).toHaveLength(0)
  })

  it.each([
    ['declared too long', 413, { 'content-length': String(2 * 1024 * 1024) }],
    ['JSON', 415, { 'content-type': 'application/json' }],
    ['foreign origin', 403, { origin: 'https://evil.example' }],
  ])('reads the body of a request rejected before reading it (%s → %i)', async (_name, status, headers) => {
    const { deps } = await setup()
    const { request, state } = streamed(2 * 1024 * 1024, headers)
    expect((await handleSubmission(request, deps)).status).toBe(status)
    expect(state.cancelled).toBe(false)
    expect(state.sent).toBe(2 * 1024 * 1024)
  })

  it('gives up on a streamed body beyond the discard bound', async () => {
    const { deps } = await setup()
    const { request, state } = streamed(MAX_BODY_BYTES + MAX_DISCARDED_BYTES + 1024 * 1024)
    const outcome = await handleSubmission(request, deps)
    expect(outcome.status).toBe(413)
    expect(state.cancelled).toBe(true)
    expect(state.sent).toBeLessThanOrEqual(MAX_BODY_BYTES + MAX_DISCARDED_BYTES + 128 * 1024)
  })

  it('accepts the configured public origin and a same-origin Referer', async () => {
    const { deps } = await setup()
    const viaProxy = await handleSubmission(
      post(new URLSearchParams(fields), { origin: 'https://laomo.example.org' }),
      deps,
    )
    expect(viaProxy.status).toBe(200)
    const viaReferer = await handleSubmission(
      post(new URLSearchParams({ ...fields, idempotencyKey: 'key-referer-000000001' }), {
        origin: '',
        referer: `${ORIGIN}/schools/`,
      }),
      deps,
    )
    expect(viaReferer.status).toBe(200)
  })

  it('charges the accepted-request limit only for requests stored, per client', async () => {
    const { file, deps } = await setup('2/600')
    let n = 0
    const send = (client: string, extra: Record<string, string> = {}) =>
      handleSubmission(
        post(
          new URLSearchParams({ ...fields, idempotencyKey: `key-limit-${String(++n).padStart(12, '0')}`, ...extra }),
        ),
        { ...deps, clientAddress: client },
      )
    // Typos, refused posts and the honeypot cost nothing of it.
    for (let i = 0; i < 5; i++) expect((await send('10.0.0.1', { phone: 'x' })).status).toBe(422)
    expect((await send('10.0.0.1', { website: 'spam' })).status).toBe(400)
    expect((await send('10.0.0.1')).status).toBe(200)
    // A repeat of a stored request is answered with its reference and not charged again.
    const repeat = post(new URLSearchParams({ ...fields, idempotencyKey: `key-limit-${String(n).padStart(12, '0')}` }))
    expect((await handleSubmission(repeat, { ...deps, clientAddress: '10.0.0.1' })).status).toBe(200)
    expect((await send('10.0.0.1')).status).toBe(200)
    const limited = await send('10.0.0.1')
    expect(limited).toMatchObject({ kind: 'rejected', status: 429 })
    expect(limited.kind === 'rejected' && limited.message).toContain('网络近期已提交较多预约申请')
    expect(limited.kind === 'rejected' && limited.retryAfter).toBeGreaterThan(0)
    expect((await send('10.0.0.2')).status).toBe(200)
    expect((await readInbox(file)).documents).toHaveLength(3)
  })

  it('gives the allowance back when the store fails', async () => {
    const { deps } = await setup('1/600')
    const failing = {
      kind: 'inbox' as const,
      save: () => Promise.reject(new Error('disk full')),
      find: async () => undefined,
    }
    const send = () => handleSubmission(post(new URLSearchParams(fields)), deps)
    const error = console.error
    console.error = () => undefined
    try {
      expect((await handleSubmission(post(new URLSearchParams(fields)), { ...deps, store: failing })).status).toBe(500)
    } finally {
      console.error = error
    }
    expect((await send()).status).toBe(200)
  })

  it('bounds every POST, valid or not, by the attempt limit', async () => {
    const { deps } = await setup('100/600', '3/600')
    const send = (client: string) =>
      handleSubmission(post(new URLSearchParams({ ...fields, phone: 'x' })), { ...deps, clientAddress: client })
    for (let i = 0; i < 3; i++) expect((await send('10.0.0.1')).status).toBe(422)
    const limited = await send('10.0.0.1')
    expect(limited).toMatchObject({ kind: 'rejected', status: 429 })
    expect(limited.kind === 'rejected' && limited.message).toContain('提交过于频繁')
    expect((await send('10.0.0.2')).status).toBe(422)
  })

  it('takes the request’s own origin from the server when given (behind a trusted proxy)', async () => {
    const { deps } = await setup()
    const https = { origin: 'https://public.example' }
    expect((await handleSubmission(post(new URLSearchParams(fields), https), deps)).status).toBe(403)
    const viaProxy = { ...deps, ownOrigin: 'https://public.example' }
    expect((await handleSubmission(post(new URLSearchParams(fields), https), viaProxy)).status).toBe(200)
    // The server's own view (the request URL) no longer counts once the server says otherwise.
    expect((await handleSubmission(post(new URLSearchParams(fields)), { ...deps, ownOrigin: null })).status).toBe(403)
  })

  it('writes nothing but the line it appends (the file stays valid NDJSON)', async () => {
    const { file, deps } = await setup()
    await handleSubmission(post(new URLSearchParams(fields)), deps)
    const text = await readFile(file, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)._type),
    ).toEqual(['talkRequest'])
  })
})

describe('rate limiter', () => {
  it('opens a new window after the old one ends', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1000 })
    expect(limiter.take('a', 0)).toBe(0)
    expect(limiter.take('a', 500)).toBe(1)
    expect(limiter.take('a', 1000)).toBe(0)
  })
  it('takes nothing when refusing, and takes back a refund within the window only', () => {
    const limiter = createRateLimiter({ max: 2, windowMs: 1000 })
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([0, 0, 1])
    limiter.refund('a', 3)
    expect([limiter.take('a', 4), limiter.take('a', 5)]).toEqual([0, 1])
    limiter.refund('a', 1000) // the window has ended: nothing to give back
    expect([limiter.take('a', 1001), limiter.take('a', 1002), limiter.take('a', 1003)]).toEqual([0, 0, 1])
  })
  it('reads <max>/<seconds>, uses the default when unset, and refuses anything else', () => {
    expect(parseRateLimit('20/600', DEFAULT_ACCEPTED_LIMIT)).toEqual({ max: 20, windowMs: 600_000 })
    expect(parseRateLimit(undefined, DEFAULT_ACCEPTED_LIMIT)).toBe(DEFAULT_ACCEPTED_LIMIT)
    expect(parseRateLimit(' ', DEFAULT_ATTEMPT_LIMIT)).toBe(DEFAULT_ATTEMPT_LIMIT)
    for (const bad of ['abc', '10', '0/60', '10/0', '-1/60', '1.5/60', '10 per 60'])
      expect(() => parseRateLimit(bad, DEFAULT_ACCEPTED_LIMIT), bad).toThrow(/<max>\/<seconds>/)
  })
})

describe('document identity', () => {
  it('uses a well-formed key, else the content', () => {
    expect(requestIdentity('key-0123456789abcdef', request)).toBe('key:key-0123456789abcdef')
    expect(requestIdentity('short', request)).toMatch(/^content:/)
    expect(requestIdentity('', request)).toBe(requestIdentity(undefined, request))
  })
  it('gives stable ids and readable references', () => {
    expect(documentId('key:x')).toBe(documentId('key:x'))
    expect(documentId('key:x')).not.toBe(documentId('key:y'))
    expect(referenceFor('key:x', NOW)).toMatch(/^LM-20261124-[2-9A-HJKMNP-TV-Z]{4}$/)
    expect(referenceFor('key:x', NOW, 1)).not.toBe(referenceFor('key:x', NOW))
    const doc = buildDocument(request, 'key:x', NOW)
    expect('email' in doc || 'topic' in doc || 'notes' in doc).toBe(false)
  })
})

describe('sanity store', () => {
  it('draws another reference when one is already given to another request', async () => {
    const writer = memoryWriter()
    const holder = buildDocument(request, 'key:someone-else', NOW, referenceFor('key:abc', NOW))
    writer.docs.set(holder._id, { ...holder })
    const store = sanityStore(writer)
    const first = await store.save(request, 'key:abc', NOW)
    expect(first.created).toBe(true)
    expect(first.reference).not.toBe(holder.reference)
    expect(first.reference).toMatch(/^LM-20261124-[0-9A-Z]{4}$/)
    // A repeat of the same submission still gets the reference stored the first time.
    expect(await store.save(request, 'key:abc', NOW)).toEqual({ reference: first.reference, created: false })
  })
  it('gives two requests whose first draws collide different references', async () => {
    // References are 4 characters (810,000 codes a day): look for two keys whose first draw is the same code.
    const seen = new Map<string, string>()
    let pair: [string, string] | undefined
    for (let i = 0; !pair; i++) {
      const key = `key:busy-${i}`
      const code = referenceFor(key, NOW)
      const other = seen.get(code)
      if (other) pair = [other, key]
      seen.set(code, key)
    }
    const store = sanityStore(memoryWriter())
    const a = await store.save(request, pair[0], NOW)
    const b = await store.save(request, pair[1], NOW)
    expect(referenceFor(pair[0], NOW)).toBe(referenceFor(pair[1], NOW))
    expect(a.reference).toBe(referenceFor(pair[0], NOW))
    expect(b.reference).not.toBe(a.reference)
    expect(await store.save(request, pair[1], NOW)).toEqual({ reference: b.reference, created: false })
  })
  it('creates once and answers a repeat with the stored reference', async () => {
    const writer = memoryWriter()
    const store = sanityStore(writer)
    const first = await store.save(request, 'key:abc', NOW)
    const again = await store.save(request, 'key:abc', new Date('2026-11-25T10:00:00Z'))
    expect(first.created).toBe(true)
    expect(again).toEqual({ reference: first.reference, created: false })
    expect(writer.docs.size).toBe(1)
  })
  it('passes other errors on', async () => {
    const store = sanityStore({
      create: async () => {
        throw Object.assign(new Error('forbidden'), { statusCode: 403 })
      },
      getDocument: async () => undefined,
      referenceTaken: async () => false,
      findRequest: async () => null,
    })
    await expect(store.save(request, 'key:abc', NOW)).rejects.toThrow('forbidden')
  })
})
