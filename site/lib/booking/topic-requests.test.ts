/**
 * Requests for a 点单 menu topic: with named workers or any available one, through the validation and the
 * whole endpoint (inbox file, and the Sanity store through groq-js). Topic ids and titles are generated.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { handleSubmission, type HandlerDeps } from './handler'
import { readInbox } from './inbox'
import { createRateLimiter } from './rate-limit'
import { memoryWriter } from './memory-writer'
import { inboxStore, sanityStore, type RequestStore } from './store'
import type { TalkRequestDocument } from './document'
import { parseBooking, type MenuTopicOption } from './form'

const ORIGIN = 'http://127.0.0.1:4321'
const NOW = new Date('2026-11-24T02:00:00Z')

/** A few menu topics with random ids (Sanity's are UUIDs when editors create them) and titles. */
const menu = (n = 3): MenuTopicOption[] =>
  Array.from({ length: n }, (_, i) => ({ id: randomUUID(), title: `主题${i}·${randomUUID().slice(0, 4)}` }))

const base = {
  school: '兰州市某小学',
  contactName: '王老师',
  phone: '13912345678',
  date1Start: '2026-12-01',
  date1End: '2026-12-05',
  gradeBand: 'primary',
  audienceSize: '300',
  prefecture: '兰州市',
  address: '城关区某路 1 号',
  consent: 'yes',
}

const post = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  return new Request(`${ORIGIN}/api/talk-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: String(body),
  })
}

async function deps(menuTopics: MenuTopicOption[], store?: RequestStore) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-topics-')), 'inbox.ndjson')
  const d: HandlerDeps = {
    store: store ?? inboxStore(file),
    workerIds: ['worker-a', 'worker-b'],
    menuTopics,
    allowedOrigins: [],
    limits: {
      attempts: createRateLimiter({ max: 1000, windowMs: 60_000 }),
      accepted: createRateLimiter({ max: 1000, windowMs: 60_000 }),
    },
    clientAddress: '127.0.0.1',
    now: NOW,
  }
  return { file, deps: d }
}

describe('a request for a menu topic', () => {
  it('with any available worker: stores the topic as a weak reference, its title as the free topic, and anyWorker', async () => {
    const topics = menu()
    const chosen = topics[Math.floor(Math.random() * topics.length)]!
    const { file, deps: d } = await deps(topics)
    const outcome = await handleSubmission(post({ ...base, lectureTopic: chosen.id, anyWorker: 'yes' }), d)
    expect(outcome).toMatchObject({ kind: 'stored', status: 200 })
    const [doc] = (await readInbox<TalkRequestDocument>(file)).documents
    expect(doc).toMatchObject({
      lectureTopic: { _type: 'reference', _ref: chosen.id, _weak: true },
      topic: chosen.title,
      anyWorker: true,
      preferredWorkers: [],
    })
  })

  it('with a named worker and no any-worker tick: anyWorker is false and the worker is kept', async () => {
    const topics = menu()
    const { file, deps: d } = await deps(topics)
    await handleSubmission(post({ ...base, lectureTopic: topics[1]!.id, workers: 'worker-b' }), d)
    const [doc] = (await readInbox<TalkRequestDocument>(file)).documents
    expect(doc!.anyWorker).toBe(false)
    expect(doc!.preferredWorkers.map((w) => w._ref)).toEqual(['worker-b'])
    expect(doc!.lectureTopic?._ref).toBe(topics[1]!.id)
  })

  it('named workers and "任一可安排的劳模" together: both recorded', async () => {
    const topics = menu(1)
    const { file, deps: d } = await deps(topics)
    await handleSubmission(post({ ...base, lectureTopic: topics[0]!.id, workers: ['worker-a'], anyWorker: 'yes' }), d)
    const [doc] = (await readInbox<TalkRequestDocument>(file)).documents
    expect(doc).toMatchObject({ anyWorker: true, preferredWorkers: [{ _ref: 'worker-a' }] })
  })

  it('no topic and no worker (as before the menu): any worker, no topic reference', async () => {
    const { file, deps: d } = await deps(menu())
    await handleSubmission(post(base), d)
    const [doc] = (await readInbox<TalkRequestDocument>(file)).documents
    expect(doc!.anyWorker).toBe(true)
    expect(doc).not.toHaveProperty('lectureTopic')
    expect(doc).not.toHaveProperty('topic')
  })

  it('an unknown topic id is refused with 422, together with every other problem, and nothing is stored', async () => {
    const topics = menu()
    const { file, deps: d } = await deps(topics)
    const outcome = await handleSubmission(
      post({ ...base, lectureTopic: randomUUID(), phone: '123', date1End: '2026-11-30', anyWorker: 'maybe' }),
      d,
    )
    expect(outcome.kind).toBe('invalid')
    if (outcome.kind !== 'invalid') return
    expect(outcome.status).toBe(422)
    expect(outcome.errors.lectureTopic).toMatch(/所选点单主题不存在或已下架/)
    expect(outcome.errors.phone).toBeTruthy()
    expect(outcome.errors.date1End).toBe('结束日期不能早于开始日期')
    expect(outcome.errors.anyWorker).toMatch(/任一可安排的劳模/)
    // Typed values come back for the form, the unknown topic included (the select shows "不限").
    expect(outcome.values.lectureTopic).toBeTruthy()
    expect((await readInbox(file)).documents).toHaveLength(0)
  })

  it('a topic id is refused when the site has no menu at all', () => {
    const result = parseBooking({ ...base, lectureTopic: 'topic-x' }, { workerIds: [], today: '2026-11-24' })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors.lectureTopic).toBeTruthy()
  })

  it('through the Sanity store: the request document holds the reference, and the status query still reads it', async () => {
    const topics = menu()
    const writer = memoryWriter()
    const { deps: d } = await deps(topics, sanityStore(writer))
    const outcome = await handleSubmission(post({ ...base, lectureTopic: topics[2]!.id, anyWorker: 'yes' }), d)
    expect(outcome.kind).toBe('stored')
    const stored = [...writer.docs.values()].find((doc) => doc._type === 'talkRequest')!
    expect(stored).toMatchObject({ lectureTopic: { _ref: topics[2]!.id, _weak: true }, anyWorker: true })
    if (outcome.kind === 'stored') expect(await writer.findRequest(outcome.reference)).toMatchObject({ status: 'new' })
  })
})
