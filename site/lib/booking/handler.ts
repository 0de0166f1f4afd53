/**
 * The booking endpoint's decisions, free of Astro so they can be tested with plain `Request`s:
 * attempt limit, content type, Origin, body size, honeypot, validation, accepted-request limit, then the store.
 */
import {
  HONEYPOT_FIELD,
  IDEMPOTENCY_FIELD,
  parseBooking,
  valuesFromParams,
  type FieldErrors,
  type FormValues,
  type MenuTopicOption,
} from './form'
import { chinaDate } from '../format'
import { requestIdentity } from './document'
import type { RequestStore } from './store'
import type { Limiter } from './rate-limit'

export const MAX_BODY_BYTES = 16 * 1024

export type Outcome =
  | { kind: 'stored'; status: 200; reference: string; created: boolean }
  | { kind: 'invalid'; status: 422; errors: FieldErrors; values: FormValues }
  | { kind: 'rejected'; status: 400 | 403 | 413 | 415 | 429 | 500; message: string; retryAfter?: number }

export interface HandlerDeps {
  store: RequestStore
  workerIds: readonly string[]
  /** Topics the form offers (schoolTopics of the same workers); a topic must be one of them. */
  topics?: readonly string[]
  /** The 点单 menu's topics (id and title); a menu topic must be one of them. */
  menuTopics?: readonly MenuTopicOption[]
  /** Origins allowed to post, besides the request's own. */
  allowedOrigins: readonly string[]
  /**
   * The request's own public origin. The production server works it out (behind a trusted proxy, from
   * its forwarded headers; null when they make no valid origin); default: the request URL's.
   */
  ownOrigin?: string | null
  /** Every POST (`attempts`) and stored requests only (`accepted`), per client address. */
  limits: { attempts: Limiter; accepted: Limiter }
  clientAddress: string
  now?: Date
}

const reject = (status: Extract<Outcome, { kind: 'rejected' }>['status'], message: string, retryAfter?: number) =>
  ({ kind: 'rejected', status, message, retryAfter }) as const

function originOf(value: string | null): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

/**
 * How much of a rejected or oversized body is read and discarded before answering. Leaving it
 * unread resets the connection while the client is still sending, so it sees a broken pipe
 * instead of our message; only beyond this bound is the connection given up.
 */
export const MAX_DISCARDED_BYTES = 8 * 1024 * 1024

/** Reads the body and keeps at most `limit` bytes; null when the body is larger. */
export async function readCapped(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit + MAX_DISCARDED_BYTES) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    if (total <= limit) chunks.push(value)
  }
  return total > limit ? null : new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}

export async function handleSubmission(request: Request, deps: HandlerDeps): Promise<Outcome> {
  const outcome = await decide(request, deps)
  // A rejection before the body was read (wrong type, origin, declared size…) still reads it,
  // bounded, for the same reason as an oversized one: the client must be able to see the answer.
  if (!request.bodyUsed) await readCapped(request, 0).catch(() => undefined)
  return outcome
}

const minutes = (seconds: number) => Math.ceil(seconds / 60)
const tooOften = (seconds: number) =>
  reject(429, `提交过于频繁，请 ${minutes(seconds)} 分钟后再试，或直接致电预约办公室。`, seconds)
// Shared addresses (a county's schools behind one NAT) reach this first, so it does not blame the teacher.
const tooMany = (seconds: number) =>
  reject(429, `您所在的网络近期已提交较多预约申请，请 ${minutes(seconds)} 分钟后再试，或直接致电预约办公室。`, seconds)

async function decide(request: Request, deps: HandlerDeps): Promise<Outcome> {
  const hammering = deps.limits.attempts.take(deps.clientAddress)
  if (hammering > 0) return tooOften(hammering)

  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    return reject(415, '提交格式不正确：请通过网页上的预约表单提交。')
  }

  const own = deps.ownOrigin === undefined ? new URL(request.url).origin : deps.ownOrigin
  const origin = originOf(request.headers.get('origin')) ?? originOf(request.headers.get('referer'))
  if (!origin || (origin !== own && !deps.allowedOrigins.includes(origin))) {
    return reject(403, '请求来源不正确：请在本站的预约页面上填写并提交。')
  }

  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) return reject(413, '提交的内容过长，请精简备注后再试。')

  const body = await readCapped(request, MAX_BODY_BYTES)
  if (body === null) return reject(413, '提交的内容过长，请精简备注后再试。')
  const params = new URLSearchParams(body)

  if (params.get(HONEYPOT_FIELD)) return reject(400, '提交未被受理。如需预约，请直接联系预约办公室。')

  const values = valuesFromParams(params)
  const now = deps.now ?? new Date()
  const parsed = parseBooking(values, {
    workerIds: deps.workerIds,
    topics: deps.topics,
    menuTopics: deps.menuTopics,
    today: chinaDate(now),
  })
  if (!parsed.ok) return { kind: 'invalid', status: 422, errors: parsed.errors, values }

  // Charged only now, for a request about to be stored; given back when it was not (a repeat, a failure).
  const full = deps.limits.accepted.take(deps.clientAddress)
  if (full > 0) return tooMany(full)
  const identity = requestIdentity(params.get(IDEMPOTENCY_FIELD), parsed.request)
  try {
    const { reference, created } = await deps.store.save(parsed.request, identity, now)
    if (!created) deps.limits.accepted.refund(deps.clientAddress)
    return { kind: 'stored', status: 200, reference, created }
  } catch (error) {
    deps.limits.accepted.refund(deps.clientAddress)
    console.error('talk request could not be stored:', error)
    return reject(500, '系统暂时无法保存您的申请，请稍后再试，或直接联系预约办公室。')
  }
}
