/**
 * "Where is my request?": a school looks its request up by the reference it was given and the last four
 * digits of the phone it gave. A wrong reference and a wrong phone get the same answer, so the page tells
 * a guesser nothing; the server rate-limits lookups per client address. Pure apart from the store.
 */
import { z } from 'astro/zod'
import { REQUEST_STATUSES, titleOf } from '#domain/vocabulary'
import { cleanText } from './form'
import { readCapped } from './handler'
import type { Limiter } from './rate-limit'
import type { RequestStore, StoredRequest } from './store'

z.config({ jitless: true })

export const LOOKUP_FIELDS = ['reference', 'phoneLast4'] as const
export type LookupField = (typeof LOOKUP_FIELDS)[number]
export type LookupErrors = Partial<Record<LookupField, string>>

/** As `referenceFor` (document.ts) writes them: LM-<China date>-<4 characters>. */
const REFERENCE = /^LM-\d{8}-[2-9A-HJKMNP-TV-Z]{4}$/

const lookupSchema = z.object({
  reference: z
    .string({ error: '请填写受理编号' })
    // Read out on the phone or copied from a message: any case, spaces or full-width dashes.
    .transform((v) =>
      cleanText(v)
        .toUpperCase()
        .replace(/[\s－—–]/g, (c) => (/\s/.test(c) ? '' : '-')),
    )
    .pipe(
      z
        .string()
        .min(1, { error: '请填写受理编号' })
        .regex(REFERENCE, { error: '受理编号格式不正确，应类似 LM-20270315-7KQ2（提交预约后页面上显示的编号）' }),
    ),
  phoneLast4: z
    .string({ error: '请填写手机号码后四位' })
    .transform((v) => cleanText(v).replace(/\s/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: '请填写手机号码后四位' })
        .regex(/^\d{4}$/, { error: '请填写预约时所留手机号码的后四位数字' }),
    ),
})

export type Lookup = z.infer<typeof lookupSchema>

/** Every problem at once, one message per field. */
export function parseLookup(
  values: Partial<Record<LookupField, string>>,
): { ok: true; lookup: Lookup } | { ok: false; errors: LookupErrors } {
  const result = lookupSchema.safeParse(values)
  if (result.success) return { ok: true, lookup: result.data }
  const errors: LookupErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0] as LookupField
    if (LOOKUP_FIELDS.includes(field) && !errors[field]) errors[field] = issue.message
  }
  return { ok: false, errors }
}

/** What the school sees: 已收到 for a request nobody has answered yet (the Studio's 新申请). */
export const STATUS_TITLES: Record<StoredRequest['status'], string> = {
  new: '已收到',
  contacted: titleOf(REQUEST_STATUSES, 'contacted'),
  scheduled: titleOf(REQUEST_STATUSES, 'scheduled'),
  declined: titleOf(REQUEST_STATUSES, 'declined'),
}

export const NOT_FOUND_MESSAGE =
  '没有找到与该受理编号和手机号后四位相符的预约申请。请核对编号和手机号；如仍有疑问，请致电预约办公室。'

/** The request when both the reference and the phone's last four digits match; otherwise nothing. */
export async function lookupRequest(store: RequestStore, lookup: Lookup): Promise<StoredRequest | undefined> {
  const found = await store.find(lookup.reference)
  return found && found.phone.slice(-4) === lookup.phoneLast4 ? found : undefined
}

/** Far more than a reference and four digits; anything longer is not our form. */
const MAX_LOOKUP_BYTES = 1024

export type LookupOutcome =
  | { kind: 'found'; status: 200; request: StoredRequest; reference: string }
  | { kind: 'invalid'; status: 422; errors: LookupErrors; values: Partial<Record<LookupField, string>> }
  | { kind: 'rejected'; status: 404 | 413 | 415 | 429 | 503; message: string; retryAfter?: number }

export interface LookupDeps {
  store: RequestStore
  /** Every lookup, found or not, per client address. */
  limit: Limiter
  clientAddress: string
}

/** A POSTed lookup: rate limit, form type, size, the fields, then the store. Never says which field was wrong. */
export async function handleLookup(request: Request, deps: LookupDeps): Promise<LookupOutcome> {
  const wait = deps.limit.take(deps.clientAddress)
  if (wait > 0) {
    await readCapped(request, 0).catch(() => undefined)
    const message = `查询过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试，或致电预约办公室。`
    return { kind: 'rejected', status: 429, message, retryAfter: wait }
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    await readCapped(request, 0).catch(() => undefined)
    return { kind: 'rejected', status: 415, message: '提交格式不正确：请在本页的查询表单中填写。' }
  }
  const body = await readCapped(request, MAX_LOOKUP_BYTES)
  if (body === null)
    return { kind: 'rejected', status: 413, message: '提交的内容过长：请只填写受理编号和手机号后四位。' }
  const params = new URLSearchParams(body)
  const values = Object.fromEntries(LOOKUP_FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<LookupField, string>
  const parsed = parseLookup(values)
  if (!parsed.ok) return { kind: 'invalid', status: 422, errors: parsed.errors, values }
  try {
    const found = await lookupRequest(deps.store, parsed.lookup)
    if (!found) return { kind: 'rejected', status: 404, message: NOT_FOUND_MESSAGE }
    return { kind: 'found', status: 200, request: found, reference: parsed.lookup.reference }
  } catch (error) {
    console.error('request lookup failed:', error)
    return { kind: 'rejected', status: 503, message: '暂时无法查询，请稍后再试，或致电预约办公室。' }
  }
}
