import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PREFECTURE_NAMES } from '#domain/region'
import type { ValidRequest } from './form'
import { memoryWriter } from './memory-writer'
import { createRateLimiter } from './rate-limit'
import { handleLookup, NOT_FOUND_MESSAGE, parseLookup, STATUS_TITLES } from './status'
import { inboxStore, sanityStore, type RequestStore } from './store'

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

/** A different valid request each time: only what the schema requires, or more. */
function randomRequest(): ValidRequest {
  return {
    school: `第${digits(2)}中学`,
    contactName: pick(['张老师', '李老师', '马主任']),
    phone: `1${pick(['3', '5', '8'])}${digits(9)}`,
    workers: [],
    preferredDates: [{ start: '2027-03-01', end: '2027-03-05' }],
    gradeBand: pick(['primary', 'junior', 'senior'] as const),
    audienceSize: 1 + Math.floor(Math.random() * 2000),
    prefecture: pick(PREFECTURE_NAMES),
    address: `某路 ${digits(2)} 号`,
    consent: true,
    ...(Math.random() < 0.5 ? { topic: '工匠精神', notes: '周五下午' } : {}),
  }
}

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  new Request('http://127.0.0.1:4321/schools/request/', { method: 'POST', headers: { 'content-type': type }, body })
const form = (reference: string, phoneLast4: string) => new URLSearchParams({ reference, phoneLast4 }).toString()
const unlimited = () => createRateLimiter({ max: 1_000_000, windowMs: 60_000 })

/** Saves `n` random requests; returns the store and what each was given. */
async function filled(store: RequestStore, n: number) {
  const saved: { reference: string; phone: string }[] = []
  for (let i = 0; i < n; i++) {
    const request = randomRequest()
    const { reference } = await store.save(request, `key:${i}-${digits(8)}`, new Date())
    saved.push({ reference, phone: request.phone })
  }
  return saved
}

describe('parseLookup', () => {
  it('reads a reference however it was typed or pasted', () => {
    for (const typed of ['lm-20270315-7kq2', ' LM－20270315－7KQ2 ', 'LM-20270315 -7KQ2', 'lm—20270315—7kq2'])
      expect(parseLookup({ reference: typed, phoneLast4: ' 5678 ' })).toEqual({
        ok: true,
        lookup: { reference: 'LM-20270315-7KQ2', phoneLast4: '5678' },
      })
  })
  it('names every problem at once, in Chinese', () => {
    const result = parseLookup({ reference: 'ABC', phoneLast4: '12a' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.reference).toMatch(/受理编号格式不正确/)
      expect(result.errors.phoneLast4).toMatch(/后四位/)
    }
    const empty = parseLookup({})
    expect(empty.ok === false && Object.keys(empty.errors).sort()).toEqual(['phoneLast4', 'reference'])
  })
})

describe('handleLookup', () => {
  it('finds each stored request (inbox file) with its reference and phone ending, and only then', async () => {
    const store = inboxStore(path.join(await mkdtemp(path.join(tmpdir(), 'laomo-lookup-')), 'inbox.ndjson'))
    const saved = await filled(store, 3 + Math.floor(Math.random() * 8))
    const deps = { store, limit: unlimited(), clientAddress: '10.0.0.1' }
    for (const { reference, phone } of saved) {
      const found = await handleLookup(post(form(reference.toLowerCase(), phone.slice(-4))), deps)
      expect(found).toMatchObject({ kind: 'found', status: 200, reference, request: { status: 'new' } })
      const wrongPhone = String((Number(phone.slice(-4)) + 1 + Math.floor(Math.random() * 9998)) % 10000).padStart(
        4,
        '0',
      )
      const other = saved.find((s) => s.reference !== reference)
      const answers = [
        await handleLookup(post(form(reference, wrongPhone)), deps),
        await handleLookup(
          post(
            form(
              reference.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')),
              phone.slice(-4),
            ),
          ),
          deps,
        ),
        ...(other ? [await handleLookup(post(form(other.reference, phone.slice(-4))), deps)] : []),
      ].filter((a) => !(other && a.kind === 'found' && other.phone.slice(-4) === phone.slice(-4)))
      // Wrong phone, guessed reference, someone else's reference: one and the same answer.
      for (const answer of answers)
        expect(answer).toEqual({ kind: 'rejected', status: 404, message: NOT_FOUND_MESSAGE })
    }
  })

  it('shows what the editors decided, from the Sanity store’s own GROQ over published documents only', async () => {
    const talk = {
      _id: `talk-${digits(5)}`,
      _type: 'talk',
      title: '劳模精神进校园专场报告会',
      startsAt: '2027-04-08T08:00:00Z',
      status: 'planned',
      venueName: '某中学礼堂',
      prefecture: pick(PREFECTURE_NAMES),
      speakers: [{ _type: 'reference', _ref: 'worker-x', _key: 'a' }],
    }
    const worker = { _id: 'worker-x', _type: 'modelWorker', name: '虚构劳模' }
    const writer = memoryWriter([talk, worker])
    const store = sanityStore(writer)
    const [a, b, c] = await filled(store, 3)
    const edit = (reference: string, fields: Record<string, unknown>) => {
      const doc = [...writer.docs.values()].find((d) => d.reference === reference)!
      Object.assign(doc, fields)
      return doc
    }
    edit(a!.reference, { status: 'scheduled', talk: { _type: 'reference', _ref: talk._id } })
    edit(b!.reference, { status: 'declined', replyNote: '该时段劳模已有安排，建议改约下学期。' })
    // An unpublished edit of the third: the school still sees the published state.
    const published = edit(c!.reference, {})
    writer.docs.set(`drafts.${published._id}`, { ...published, _id: `drafts.${published._id}`, status: 'declined' })

    const deps = { store, limit: unlimited(), clientAddress: '10.0.0.2' }
    const look = (s: { reference: string; phone: string }) =>
      handleLookup(post(form(s.reference, s.phone.slice(-4))), deps)
    expect(await look(a!)).toMatchObject({
      request: {
        status: 'scheduled',
        talk: { _id: talk._id, title: talk.title, venueName: talk.venueName, speakers: ['虚构劳模'] },
      },
    })
    expect(await look(b!)).toMatchObject({
      request: { status: 'declined', replyNote: '该时段劳模已有安排，建议改约下学期。' },
    })
    expect(await look(c!)).toMatchObject({ request: { status: 'new', talk: null } })
    expect(STATUS_TITLES.new).toBe('已收到')
  })

  it('refuses junk with a 4xx a teacher understands, and is rate-limited per address', async () => {
    const store = inboxStore(path.join(await mkdtemp(path.join(tmpdir(), 'laomo-lookup-')), 'inbox.ndjson'))
    const [saved] = await filled(store, 1)
    const max = 2 + Math.floor(Math.random() * 5)
    const deps = { store, limit: createRateLimiter({ max, windowMs: 600_000 }), clientAddress: '10.0.0.3' }
    expect(await handleLookup(post(form('x', '1')), deps)).toMatchObject({ kind: 'invalid', status: 422 })
    expect(await handleLookup(post('{"reference":1}', 'application/json'), deps)).toMatchObject({ status: 415 })
    for (let i = 2; i < max; i++) await handleLookup(post(form(saved!.reference, '0000')), deps)
    const limited = await handleLookup(post(form(saved!.reference, saved!.phone.slice(-4))), deps)
    expect(limited).toMatchObject({ kind: 'rejected', status: 429 })
    expect(limited.kind === 'rejected' && limited.message).toMatch(/查询过于频繁，请 \d+ 分钟后再试/)
    // Another address is not held back by this one.
    const other = await handleLookup(post(form(saved!.reference, saved!.phone.slice(-4))), {
      ...deps,
      clientAddress: '10.0.0.4',
    })
    expect(other.kind).toBe('found')
    const big = await handleLookup(post(`${form(saved!.reference, '1234')}&x=${'a'.repeat(4096)}`), {
      ...deps,
      clientAddress: '10.0.0.5',
    })
    expect(big).toMatchObject({ status: 413 })
  })

  it('answers 503 with a message, not an error page, when the store cannot be read', async () => {
    const store: RequestStore = {
      kind: 'sanity',
      save: async () => ({ reference: '', created: false }),
      find: () => Promise.reject(new Error('down')),
    }
    const error = console.error
    console.error = () => undefined
    try {
      const answer = await handleLookup(post(form('LM-20270315-7KQ2', '1234')), {
        store,
        limit: unlimited(),
        clientAddress: 'x',
      })
      expect(answer).toMatchObject({ kind: 'rejected', status: 503, message: expect.stringMatching(/暂时无法查询/) })
    } finally {
      console.error = error
    }
  })
})
