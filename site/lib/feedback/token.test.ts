import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkSecret, feedbackDocumentId, signFeedbackToken, verifyFeedbackToken } from './token'

const SECRET = 'a'.repeat(16) + 'feedback-secret-for-tests'
const NOW = new Date('2026-11-24T02:00:00Z')
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000)

describe('feedback tokens', () => {
  it('round-trips the talk id, times and nonce for ids of every allowed shape', () => {
    for (const talk of ['talk-001', 'a', 'Ab_9.x-Z', 'x'.repeat(128)]) {
      const token = signFeedbackToken(SECRET, talk, NOW)
      const verified = verifyFeedbackToken(SECRET, token, days(1))
      expect(verified).toMatchObject({ ok: true, claims: { talk, iat: NOW.getTime() / 1000 } })
      if (verified.ok) expect(verified.claims.exp - verified.claims.iat).toBe(60 * 86_400)
    }
  })

  it('makes a different token, and a different feedback id, for each link to one talk', () => {
    const a = signFeedbackToken(SECRET, 'talk-1', NOW)
    const b = signFeedbackToken(SECRET, 'talk-1', NOW)
    expect(a).not.toBe(b)
    expect(feedbackDocumentId(a)).not.toBe(feedbackDocumentId(b))
    expect(feedbackDocumentId(a)).toBe(feedbackDocumentId(a))
    expect(feedbackDocumentId(a)).toMatch(/^talkFeedback-[0-9a-f]{32}$/)
  })

  it('refuses a token past its expiry, and accepts it until then', () => {
    const token = signFeedbackToken(SECRET, 'talk-1', NOW, 60)
    expect(verifyFeedbackToken(SECRET, token, days(59.99)).ok).toBe(true)
    expect(verifyFeedbackToken(SECRET, token, days(60))).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token signed with another secret', () => {
    const token = signFeedbackToken('b'.repeat(40), 'talk-1', NOW)
    expect(verifyFeedbackToken(SECRET, token, NOW)).toEqual({ ok: false, reason: 'forged' })
  })

  it('refuses any change to the payload or the signature', () => {
    const token = signFeedbackToken(SECRET, 'talk-1', NOW)
    const [payload, signature] = token.split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    for (const change of [{ talk: 'talk-2' }, { exp: claims.exp + 86_400 * 365 }, { nonce: 'other' }]) {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')
      expect(verifyFeedbackToken(SECRET, `${forged}.${signature}`, NOW)).toEqual({ ok: false, reason: 'forged' })
    }
    // Every single character of the signature matters.
    for (let i = 0; i < signature.length; i += 7) {
      const flipped = signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1)
      expect(verifyFeedbackToken(SECRET, `${payload}.${flipped}`, NOW).ok).toBe(false)
    }
  })

  it('accepts one spelling of a signature only (another link text would store a second feedback)', () => {
    const token = signFeedbackToken(SECRET, 'talk-1', NOW)
    const [payload, signature] = token.split('.') as [string, string]
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = ALPHABET.indexOf(signature.at(-1)!)
    // The last character's two low bits are padding: these spell the same bytes.
    const twins = [0, 1, 2, 3].map((low) => ALPHABET[(last & ~3) | low]!).filter((c) => c !== signature.at(-1))
    expect(twins).toHaveLength(3)
    for (const c of twins) {
      const twin = `${payload}.${signature.slice(0, -1)}${c}`
      expect(Buffer.from(twin.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'))
      expect(verifyFeedbackToken(SECRET, twin, NOW)).toEqual({ ok: false, reason: 'forged' })
    }
  })

  it('calls junk malformed without reading it', () => {
    for (const junk of [
      undefined,
      null,
      '',
      'abc',
      'a.b',
      '../../etc/passwd',
      `${'x'.repeat(500)}.${'y'.repeat(43)}`,
    ]) {
      expect(verifyFeedbackToken(SECRET, junk, NOW)).toEqual({ ok: false, reason: 'malformed' })
    }
  })

  it('refuses a well-signed payload that is not a claim set', () => {
    const sign = (claims: unknown) => {
      // An arbitrary payload signed as the module signs: only reachable with the secret.
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
      return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`
    }
    expect(verifyFeedbackToken(SECRET, sign({ talk: 'a b', iat: 1, exp: 2e9, nonce: 'n' }), NOW).ok).toBe(false)
    expect(verifyFeedbackToken(SECRET, sign({ talk: 'ok', iat: '1', exp: 2e9, nonce: 'n' }), NOW).ok).toBe(false)
    expect(verifyFeedbackToken(SECRET, sign({ talk: 'ok', iat: 1, exp: 2e9 }), NOW).ok).toBe(false)
    expect(verifyFeedbackToken(SECRET, sign({ talk: 'ok', iat: 1, exp: 2e9, nonce: 'n' }), NOW).ok).toBe(true)
  })

  it('wants a long secret', () => {
    expect(() => checkSecret(undefined)).toThrow(/at least 32/)
    expect(() => checkSecret('short')).toThrow(/at least 32/)
    expect(checkSecret(SECRET)).toBe(SECRET)
  })
})
