import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { FEEDBACK_LINK_GRANT_QUERY } from '../content/queries'
import { grantId, GRANT_MAX_AGE_MS, makeFeedbackLink, type GrantRead } from './links'
import { parseFeedbackConfig, verifyFeedbackToken } from './token'

const SECRET = 'links-test-secret-0123456789abcdef-xyz'
const NOW = new Date('2026-11-24T02:00:00Z')
const GRANT = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'

/** The server's query run by groq-js over a small dataset, as the Sanity API would answer it. */
function reader(docs: object[]) {
  return async (talkId: string) =>
    (await (
      await evaluate(parse(FEEDBACK_LINK_GRANT_QUERY), { dataset: docs, params: { grantId: grantId(talkId), talkId } })
    ).get()) as GrantRead
}
const dataset = (status: string, at = NOW.toISOString(), grant = GRANT) => [
  { _id: 'talk-9', _type: 'talk', status },
  { _id: grantId('talk-9'), _type: 'feedbackLinkGrant', grant, at },
]
const deps = (docs: object[]) => ({
  secret: SECRET,
  readGrant: reader(docs),
  siteUrl: 'https://laomo.example.org',
  now: NOW,
})

describe('makeFeedbackLink', () => {
  it('signs a link to a held talk when the editor’s grant matches and is fresh', async () => {
    const outcome = await makeFeedbackLink({ talkId: 'talk-9', grant: GRANT }, deps(dataset('held')))
    expect(outcome).toMatchObject({ ok: true, status: 200, expiresAt: '2027-01-23T02:00:00.000Z' })
    if (!outcome.ok) return
    const url = new URL(outcome.url)
    expect(url.origin + url.pathname).toBe('https://laomo.example.org/schools/feedback/')
    expect(verifyFeedbackToken(SECRET, url.searchParams.get('t'), NOW)).toMatchObject({
      ok: true,
      claims: { talk: 'talk-9' },
    })
  })

  it('refuses without a matching, fresh grant, or for a talk not held', async () => {
    const stale = new Date(NOW.getTime() - GRANT_MAX_AGE_MS - 1).toISOString()
    const cases: [object, object[], number][] = [
      [{ talkId: 'talk-9', grant: GRANT.replace('6', '7') }, dataset('held'), 403],
      [{ talkId: 'talk-9', grant: GRANT }, dataset('held', stale), 403],
      [{ talkId: 'talk-9', grant: GRANT }, dataset('held').slice(0, 1), 403],
      [{ talkId: 'talk-9', grant: GRANT }, dataset('planned'), 409],
      [{ talkId: 'talk-9', grant: GRANT }, dataset('cancelled'), 409],
      [{ talkId: 'drafts.talk-9', grant: GRANT }, dataset('held'), 400],
      [{ talkId: 'talk-9' }, dataset('held'), 400],
      [{ talkId: 'talk-9', grant: 'short' }, dataset('held'), 400],
    ]
    for (const [body, docs, status] of cases)
      expect(await makeFeedbackLink(body, deps(docs)), JSON.stringify(body)).toMatchObject({ ok: false, status })
    expect(await makeFeedbackLink(null, deps(dataset('held')))).toMatchObject({ status: 400 })
  })

  it('cannot check an editor without a Sanity project (503)', async () => {
    const outcome = await makeFeedbackLink(
      { talkId: 'talk-9', grant: GRANT },
      { secret: SECRET, siteUrl: 'https://x.org' },
    )
    expect(outcome).toMatchObject({ ok: false, status: 503 })
  })
})

describe('parseFeedbackConfig', () => {
  it('is off without a secret, on with a good one, and an error with a short one or when required', () => {
    expect(parseFeedbackConfig({})).toEqual({})
    expect(parseFeedbackConfig({ LAOMO_FEEDBACK_SECRET: SECRET })).toEqual({ secret: SECRET })
    expect(parseFeedbackConfig({ LAOMO_FEEDBACK_SECRET: SECRET, LAOMO_FEEDBACK: 'off' })).toEqual({})
    expect(() => parseFeedbackConfig({ LAOMO_FEEDBACK_SECRET: 'short' })).toThrow(/^LAOMO_FEEDBACK_SECRET: .*32/)
    expect(() => parseFeedbackConfig({ LAOMO_FEEDBACK: 'on' })).toThrow(/^LAOMO_FEEDBACK_SECRET/)
    expect(() => parseFeedbackConfig({ LAOMO_FEEDBACK: 'yes' })).toThrow(/^LAOMO_FEEDBACK: /)
  })
})
