/**
 * The feedback form's decisions, free of Astro so they can be tested with plain `Request`s: rate limit,
 * the token (shape, signature, expiry), the talk, a replay, then (POST) the form and the store. Nothing is
 * stored unless every check passed; a refusal says, in a teacher's words, what to do instead.
 */
import { readCapped } from '../booking/handler'
import type { Limiter } from '../booking/rate-limit'
import { parseFeedback, valuesFromParams, type FeedbackErrors, type FeedbackValues } from './form'
import { buildFeedbackDocument, type FeedbackStore } from './store'
import { FEEDBACK_TOKEN_DAYS, feedbackDocumentId, verifyFeedbackToken, type FeedbackClaims } from './token'

/** Six answers and a comment of at most 1,000 characters, percent-encoded, with room to spare. */
export const MAX_FEEDBACK_BYTES = 16 * 1024

export type RefusalStatus = 400 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 429 | 503
export type FeedbackOutcome =
  | { kind: 'form'; status: 200; claims: FeedbackClaims; token: string }
  | {
      kind: 'invalid'
      status: 422
      claims: FeedbackClaims
      token: string
      errors: FeedbackErrors
      values: FeedbackValues
    }
  | { kind: 'stored'; status: 200; claims: FeedbackClaims }
  | { kind: 'rejected'; status: RefusalStatus; message: string; retryAfter?: number }

export interface FeedbackDeps {
  secret: string
  store: FeedbackStore
  /** Every request that carries a token, GET or POST, per client address (as status lookups). */
  limit: Limiter
  clientAddress: string
  /** Is the talk on the site (the build's talks)? A link to a deleted talk is refused. */
  talkExists(id: string): boolean | Promise<boolean>
  now?: Date
}

const OFFICE = '请联系预约办公室'
export const FEEDBACK_MESSAGES = {
  missing: `这个页面需要通过预约办公室发给您的反馈链接打开。${OFFICE}索取链接。`,
  malformed: `反馈链接不完整或已损坏。请从收到的消息中完整复制链接后再打开；如仍无法打开，${OFFICE}。`,
  forged: `反馈链接无效，无法提交反馈。请使用预约办公室发给您的链接；如有疑问，${OFFICE}。`,
  expired: `反馈链接已过期（有效期 ${FEEDBACK_TOKEN_DAYS} 天）。如仍想提交反馈，${OFFICE}索取新链接。`,
  noTalk: `这场报告会已不在网站上，无法提交反馈。如有疑问，${OFFICE}。`,
  replay: `这份反馈已经提交过了，感谢您！每个反馈链接只能提交一次；如需补充，${OFFICE}。`,
  type: '提交格式不正确：请在本页的反馈表单中填写后提交。',
  tooLarge: '提交的内容过长，请精简“其他意见”后再试。',
  unavailable: `系统暂时无法保存您的反馈，请稍后再试，或${OFFICE}。`,
} as const

const reject = (status: RefusalStatus, message: string, retryAfter?: number): FeedbackOutcome => ({
  kind: 'rejected',
  status,
  message,
  retryAfter,
})

export async function handleFeedback(request: Request, deps: FeedbackDeps): Promise<FeedbackOutcome> {
  const outcome = await decide(request, deps)
  // A refusal before the body was read still reads it, bounded, so the client sees the answer.
  if (!request.bodyUsed && request.body) await readCapped(request, 0).catch(() => undefined)
  return outcome
}

async function decide(request: Request, deps: FeedbackDeps): Promise<FeedbackOutcome> {
  const method = request.method
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return reject(405, '不支持此请求方法。')
  const token = new URL(request.url).searchParams.get('t')
  if (!token) return reject(400, FEEDBACK_MESSAGES.missing)

  const wait = deps.limit.take(deps.clientAddress)
  if (wait > 0) return reject(429, `操作过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试，或${OFFICE}。`, wait)

  const now = deps.now ?? new Date()
  const verified = verifyFeedbackToken(deps.secret, token, now)
  if (!verified.ok) {
    const status = verified.reason === 'expired' ? 410 : verified.reason === 'forged' ? 403 : 400
    return reject(status, FEEDBACK_MESSAGES[verified.reason])
  }
  const { claims } = verified
  const id = feedbackDocumentId(token)
  try {
    if (!(await deps.talkExists(claims.talk))) return reject(404, FEEDBACK_MESSAGES.noTalk)
    if (await deps.store.has(id)) return reject(409, FEEDBACK_MESSAGES.replay)
  } catch (error) {
    console.error('feedback store could not be read:', error)
    return reject(503, FEEDBACK_MESSAGES.unavailable)
  }
  if (method !== 'POST') return { kind: 'form', status: 200, claims, token }

  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') return reject(415, FEEDBACK_MESSAGES.type)
  const body = await readCapped(request, MAX_FEEDBACK_BYTES)
  if (body === null) return reject(413, FEEDBACK_MESSAGES.tooLarge)
  const values = valuesFromParams(new URLSearchParams(body))
  const parsed = parseFeedback(values)
  if (!parsed.ok) return { kind: 'invalid', status: 422, claims, token, errors: parsed.errors, values }

  const doc = buildFeedbackDocument(id, claims.talk, parsed.feedback, new Date(claims.iat * 1000), now)
  try {
    const { created } = await deps.store.save(doc)
    if (!created) return reject(409, FEEDBACK_MESSAGES.replay)
    return { kind: 'stored', status: 200, claims }
  } catch (error) {
    console.error('feedback could not be stored:', error)
    return reject(503, FEEDBACK_MESSAGES.unavailable)
  }
}
