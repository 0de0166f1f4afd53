/**
 * The feedback link's token: the talk it is for, when it was made, when it expires and a nonce, signed with
 * HMAC-SHA256 under LAOMO_FEEDBACK_SECRET. Only the Node server holds the secret: it makes tokens (for the
 * Studio, through /api/feedback-links) and checks them (the form). No imports beyond node:crypto, so the
 * server's plain-Node code can use it too.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Schools answer within weeks of a talk; a link older than this is more likely forwarded than used. */
export const FEEDBACK_TOKEN_DAYS = 60
export const MIN_SECRET_LENGTH = 32

export interface FeedbackClaims {
  /** The talk's document id. */
  talk: string
  /** Issued and expires, seconds since the epoch. */
  iat: number
  exp: number
  /** Makes two links for one talk (two classes) two different feedbacks. */
  nonce: string
}

export type Verified = { ok: true; claims: FeedbackClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url')
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest()

/** A secret too short to sign with is a configuration error, told at start-up. */
export function checkSecret(secret: string | undefined): string {
  if (!secret || secret.length < MIN_SECRET_LENGTH)
    throw new Error(`must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`)
  return secret
}

export function signFeedbackToken(
  secret: string,
  talk: string,
  now = new Date(),
  days = FEEDBACK_TOKEN_DAYS,
  nonce = randomBytes(9).toString('base64url'),
): string {
  const iat = Math.floor(now.getTime() / 1000)
  const claims: FeedbackClaims = { talk, iat, exp: iat + days * 86_400, nonce }
  const payload = b64(JSON.stringify(claims))
  return `${payload}.${b64(mac(secret, payload))}`
}

const TOKEN = /^[A-Za-z0-9_-]{16,400}\.[A-Za-z0-9_-]{43}$/
const ID = /^[A-Za-z0-9._-]{1,128}$/

/** The signature first (nothing unsigned is parsed), then the claims' shape, then the expiry. */
export function verifyFeedbackToken(secret: string, token: string | null | undefined, now = new Date()): Verified {
  if (!token || !TOKEN.test(token)) return { ok: false, reason: 'malformed' }
  const [payload, signature] = token.split('.') as [string, string]
  // Compared as text, not as decoded bytes: the last of 43 characters carries 2 unused bits, so four
  // spellings decode to one signature — and a feedback's id follows from the token's text (one per link).
  const given = Buffer.from(signature)
  const expected = Buffer.from(b64(mac(secret, payload)))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let claims: FeedbackClaims
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as FeedbackClaims
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const { talk, iat, exp, nonce } = claims ?? {}
  if (typeof talk !== 'string' || !ID.test(talk) || !Number.isInteger(iat) || !Number.isInteger(exp))
    return { ok: false, reason: 'malformed' }
  if (typeof nonce !== 'string' || !nonce) return { ok: false, reason: 'malformed' }
  if (Math.floor(now.getTime() / 1000) >= exp) return { ok: false, reason: 'expired' }
  return { ok: true, claims: { talk, iat, exp, nonce } }
}

/**
 * The one feedback a token may leave: its id follows from the signed token, so a second submission (another
 * tab, another server instance, a replay) meets the first as a conflict (as talkRequest ids do).
 */
export function feedbackDocumentId(token: string): string {
  return `talkFeedback-${createHash('sha256').update(token).digest('hex').slice(0, 32)}`
}

export interface FeedbackConfig {
  /** Unset: the feedback form and the link endpoint answer 503 (feedback is off). */
  secret?: string
}

/** `LAOMO_FEEDBACK=on` insists on a secret, so a forgotten one is an error rather than a form that is off. */
export function parseFeedbackConfig(env: NodeJS.ProcessEnv): FeedbackConfig {
  const wanted = env.LAOMO_FEEDBACK?.trim()
  const secret = env.LAOMO_FEEDBACK_SECRET
  if (wanted && wanted !== 'on' && wanted !== 'off')
    throw new Error(`LAOMO_FEEDBACK: must be "on" or "off", got "${wanted}"`)
  if (wanted === 'off') return {}
  if (!secret && wanted !== 'on') return {}
  try {
    return { secret: checkSecret(secret) }
  } catch (error) {
    throw new Error(`LAOMO_FEEDBACK_SECRET: ${(error as Error).message}`, { cause: error })
  }
}
