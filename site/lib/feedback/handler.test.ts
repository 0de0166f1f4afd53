import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readInbox } from '../booking/inbox'
import { memoryWriter } from '../booking/memory-writer'
import { createRateLimiter } from '../booking/rate-limit'
import { FEEDBACK_MESSAGES, handleFeedback, type FeedbackDeps } from './handler'
import { inboxFeedbackStore, sanityFeedbackStore, type FeedbackStore, type TalkFeedbackDocument } from './store'
import { feedbackDocumentId, signFeedbackToken } from './token'

const SECRET = 'feedback-secret-for-handler-tests-0123456789'
const NOW = new Date('2026-11-24T02:00:00Z')
const ORIGIN = 'http://127.0.0.1:4321'
const TALKS = new Set(['talk-a', 'talk-b'])

const form = 'rating=4&students=180&gradeBands=junior&gradeBands=senior&highlights=story&inviteAgain=yes&comment=很好'
const url = (token?: string) =>
  `${ORIGIN}/schools/feedback/${token === undefined ? '' : `?t=${encodeURIComponent(token)}`}`
const get = (token?: string) => new Request(url(token))
const post = (token: string | undefined, body = form, type = 'application/x-www-form-urlencoded') =>
  new Request(url(token), { method: 'POST', headers: { 'content-type': type }, body })

async function setup(limit = { max: 1000, windowMs: 60_000 }, store?: FeedbackStore) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-feedback-')), 'inbox.ndjson')
  const deps: FeedbackDeps = {
    secret: SECRET,
    store: store ?? inboxFeedbackStore(file),
    limit: createRateLimiter(limit),
    clientAddress: '203.0.113.9',
    talkExists: (id) => TALKS.has(id),
    now: NOW,
  }
  const stored = async () => (await readInbox<TalkFeedbackDocument>(file)).documents
  return { file, deps, stored }
}

describe('handleFeedback', () => {
  it('shows the form for a good link, then stores one talkFeedback document, not approved', async () => {
    const { deps, stored } = await setup()
    const token = signFeedbackToken(SECRET, 'talk-b', NOW)
    expect(await handleFeedback(get(token), deps)).toMatchObject({
      kind: 'form',
      status: 200,
      claims: { talk: 'talk-b' },
    })
    expect(await handleFeedback(post(token), deps)).toMatchObject({ kind: 'stored', status: 200 })
    const docs = await stored()
    expect(docs).toEqual([
      {
        _id: feedbackDocumentId(token),
        _type: 'talkFeedback',
        talk: { _type: 'reference', _ref: 'talk-b', _weak: true },
        rating: 4,
        students: 180,
        gradeBands: ['junior', 'senior'],
        highlights: ['story'],
        inviteAgain: 'yes',
        comment: '很好',
        approved: false,
        receivedAt: NOW.toISOString(),
        linkIssuedAt: NOW.toISOString(),
      },
    ])
  })

  it('answers a replay 409 and stores nothing more, on the form and on a submit, in a new process too', async () => {
    const { file, deps, stored } = await setup()
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    await handleFeedback(post(token), deps)
    expect(await handleFeedback(post(token), deps)).toEqual({
      kind: 'rejected',
      status: 409,
      message: FEEDBACK_MESSAGES.replay,
      retryAfter: undefined,
    })
    expect(await handleFeedback(get(token), deps)).toMatchObject({ status: 409 })
    // Another server process reading the same inbox.
    const again = await handleFeedback(post(token), { ...deps, store: inboxFeedbackStore(file) })
    expect(again).toMatchObject({ status: 409 })
    expect(await stored()).toHaveLength(1)
  })

  it('stores exactly one of many submissions of one token arriving together', async () => {
    const { deps, stored } = await setup()
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => handleFeedback(post(token), deps)))
    expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(1)
    expect(outcomes.filter((o) => o.status === 409)).toHaveLength(19)
    expect(await stored()).toHaveLength(1)
  })

  it('refuses forged, expired, malformed and missing links with a teacher’s message, storing nothing', async () => {
    const { deps, stored, file } = await setup()
    const other = signFeedbackToken('another-secret-that-is-long-enough-000000', 'talk-a', NOW)
    const old = signFeedbackToken(SECRET, 'talk-a', new Date(NOW.getTime() - 61 * 86_400_000))
    const good = signFeedbackToken(SECRET, 'talk-a', NOW)
    const tampered = good.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const cases: [string | undefined, number, string][] = [
      [other, 403, FEEDBACK_MESSAGES.forged],
      [tampered, 403, FEEDBACK_MESSAGES.forged],
      [old, 410, FEEDBACK_MESSAGES.expired],
      ['not-a-token', 400, FEEDBACK_MESSAGES.malformed],
      ["'; drop table--", 400, FEEDBACK_MESSAGES.malformed],
      ['', 400, FEEDBACK_MESSAGES.missing],
      [undefined, 400, FEEDBACK_MESSAGES.missing],
      [signFeedbackToken(SECRET, 'talk-gone', NOW), 404, FEEDBACK_MESSAGES.noTalk],
    ]
    for (const [token, status, message] of cases) {
      for (const request of [get(token), post(token)])
        expect(await handleFeedback(request, deps), String(token)).toMatchObject({ kind: 'rejected', status, message })
    }
    expect(await stored()).toEqual([])
    await expect(readFile(file)).rejects.toThrow(/ENOENT/)
  })

  it('returns the form with every problem for junk answers, and refuses bodies that are not the form', async () => {
    const { deps, stored } = await setup()
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    const invalid = await handleFeedback(
      post(token, 'rating=9&students=lots&gradeBands=x&inviteAgain=&comment=<b>'),
      deps,
    )
    expect(invalid).toMatchObject({ kind: 'invalid', status: 422, values: { rating: '9', students: 'lots' } })
    if (invalid.kind === 'invalid')
      expect(Object.keys(invalid.errors).sort()).toEqual(['comment', 'gradeBands', 'inviteAgain', 'rating', 'students'])
    expect(await handleFeedback(post(token, '{"rating":5}', 'application/json'), deps)).toMatchObject({ status: 415 })
    expect(await handleFeedback(post(token, `${form}&comment=${'x'.repeat(20_000)}`), deps)).toMatchObject({
      status: 413,
    })
    expect(await handleFeedback(new Request(url(token), { method: 'PUT', body: 'x' }), deps)).toMatchObject({
      status: 405,
    })
    expect(await stored()).toEqual([])
  })

  it('rate-limits every request that carries a token, per client address, and tells when to retry', async () => {
    const { deps, stored } = await setup({ max: 3, windowMs: 600_000 })
    const forged = 'A'.repeat(40) + '.' + 'B'.repeat(43)
    for (let i = 0; i < 3; i++) expect((await handleFeedback(get(forged), deps)).status).toBe(403)
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    const limited = await handleFeedback(post(token), deps)
    expect(limited).toMatchObject({ kind: 'rejected', status: 429 })
    expect(limited.kind === 'rejected' && limited.retryAfter).toBeGreaterThan(0)
    // Another address is not affected.
    expect(await handleFeedback(post(token), { ...deps, clientAddress: '198.51.100.1' })).toMatchObject({
      kind: 'stored',
    })
    expect(await stored()).toHaveLength(1)
  })

  it('stores in Sanity through the same checks: created once, a replay meets the existing id', async () => {
    const writer = memoryWriter([{ _id: 'talk-a', _type: 'talk' }])
    const store = sanityFeedbackStore({
      create: (doc) => writer.create(doc as never),
      getDocument: async (id) => writer.docs.get(id),
    })
    const { deps } = await setup(undefined, store)
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    expect(await handleFeedback(post(token), deps)).toMatchObject({ kind: 'stored' })
    expect(await handleFeedback(post(token), deps)).toMatchObject({ status: 409 })
    // A replay racing past the check still meets Sanity's 409 on create.
    const racing = { ...store, has: async () => false }
    expect(await handleFeedback(post(token), { ...deps, store: racing })).toMatchObject({ status: 409 })
    expect([...writer.docs.values()].filter((d) => d._type === 'talkFeedback')).toHaveLength(1)
  })

  it('says the store is unavailable (503) when it cannot write, and stores nothing', async () => {
    const broken: FeedbackStore = {
      kind: 'inbox',
      has: async () => false,
      save: async () => {
        throw new Error('disk full')
      },
    }
    const { deps } = await setup(undefined, broken)
    const token = signFeedbackToken(SECRET, 'talk-a', NOW)
    expect(await handleFeedback(post(token), deps)).toMatchObject({
      status: 503,
      message: FEEDBACK_MESSAGES.unavailable,
    })
  })
})
