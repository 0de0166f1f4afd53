/**
 * The booking form's fields and their validation, shared by the endpoint (authoritative) and
 * the browser script (validate as you type). Pure: no Node or Astro imports, so it also runs in
 * the page bundle. Messages are written for a teacher, in Chinese.
 */
import { z } from 'astro/zod'
import { PREFECTURE_NAMES } from '../../../studio/lib/gansu'
import { normaliseMainlandMobile } from '../../../studio/lib/validation'
import { GRADE_BANDS, type GradeBand } from '../../../studio/lib/vocabulary'

/** Names of the form controls, in the order they appear. */
export const FIELD_NAMES = [
  'school',
  'contactName',
  'phone',
  'email',
  'workers',
  'topic',
  'date1Start',
  'date1End',
  'date2Start',
  'date2End',
  'gradeBand',
  'audienceSize',
  'prefecture',
  'address',
  'notes',
  'consent',
] as const
export type FieldName = (typeof FIELD_NAMES)[number]

/** Hidden controls: the per-render idempotency key and the honeypot a person never fills in. */
export const IDEMPOTENCY_FIELD = 'idempotencyKey'
export const HONEYPOT_FIELD = 'website'

/** What was typed, as strings (checkbox groups as arrays): echoed back into the form on errors. */
export type FormValues = Partial<Record<Exclude<FieldName, 'workers'>, string>> & { workers?: string[] }
export type FieldErrors = Partial<Record<FieldName, string>>

export interface BookingOptions {
  /** Model-worker _ids a school may ask for. */
  workerIds: readonly string[]
  /** "Today" in China (YYYY-MM-DD): preferred dates must not be in the past. */
  today: string
}

export interface ValidRequest {
  school: string
  contactName: string
  phone: string
  email?: string
  workers: string[]
  topic?: string
  preferredDates: { start: string; end: string }[]
  gradeBand: GradeBand
  audienceSize: number
  prefecture: string
  address: string
  notes?: string
  consent: true
}

const MAX_AUDIENCE = 5000
const DAY_MS = 86_400_000

/** Markup has no place in a booking (Chinese titles use 《》): refusing it keeps script payloads out of the inbox. */
const MARKUP = /<\s*[a-z!/?]/i
const noMarkup = (label: string) =>
  [(v: string) => !MARKUP.test(v), { error: `${label}中请不要输入网页代码（< >）` }] as const

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine(...noMarkup(label))

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine(...noMarkup(label))
    .optional()
    .transform((v) => v || undefined)

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const validDate = (v: string) => isoDate.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Builds the zod schema for one render (the list of workers and "today" vary). */
export function bookingSchema(options: BookingOptions) {
  const latest = addDays(options.today, 366)
  const date = (label: string) =>
    z
      .string({ error: `请选择${label}` })
      .trim()
      .min(1, { error: `请选择${label}` })
      .refine(validDate, { error: `${label}格式不正确，请按“年-月-日”填写` })
      .refine((v) => v >= options.today, { error: `${label}不能早于今天` })
      .refine((v) => v <= latest, { error: `${label}请选在一年以内` })
  const optionalDate = (label: string) =>
    z
      .string({ error: `${label}格式不正确` })
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(date(label).optional())

  return z
    .object({
      school: text('学校名称', 100),
      contactName: text('联系人姓名', 50),
      phone: z
        .string({ error: '请填写手机号码' })
        .trim()
        .min(1, { error: '请填写手机号码' })
        .transform((v, ctx) => {
          const mobile = normaliseMainlandMobile(v)
          if (!mobile) {
            ctx.issues.push({ code: 'custom', message: '请填写 11 位大陆手机号码，例如 13800000000', input: v })
            return z.NEVER
          }
          return mobile
        }),
      email: z
        .string({ error: '邮箱格式不正确' })
        .trim()
        .max(100, { error: '邮箱不能超过 100 个字符' })
        .optional()
        .transform((v) => v || undefined)
        .pipe(z.email({ error: '邮箱格式不正确，例如 teacher@example.com' }).optional()),
      workers: z
        .array(z.string({ error: '所选劳模无效' }), { error: '所选劳模无效' })
        .max(5, { error: '最多选择 5 位劳模' })
        .default([])
        .refine((ids) => ids.every((id) => options.workerIds.includes(id)), {
          error: '所选劳模不在可预约名单中，请重新选择',
        })
        .transform((ids) => [...new Set(ids)]),
      topic: optionalText('宣讲主题', 50),
      date1Start: date('第一备选的开始日期'),
      date1End: date('第一备选的结束日期'),
      date2Start: optionalDate('第二备选的开始日期'),
      date2End: optionalDate('第二备选的结束日期'),
      gradeBand: z.enum(GRADE_BANDS.map((g) => g.value) as [GradeBand, ...GradeBand[]], { error: '请选择学段' }),
      audienceSize: z
        .string({ error: '请填写预计听众人数' })
        .trim()
        .min(1, { error: '请填写预计听众人数' })
        .refine((v) => /^\d+$/.test(v), { error: '听众人数请填写整数' })
        .transform(Number)
        .refine((n) => n >= 1 && n <= MAX_AUDIENCE, { error: `听众人数应在 1 到 ${MAX_AUDIENCE} 之间` }),
      prefecture: z.enum(PREFECTURE_NAMES as [string, ...string[]], { error: '请选择学校所在市州' }),
      address: text('学校地址', 200),
      notes: optionalText('备注', 1000),
      consent: z.literal('yes', { error: '请勾选同意工作人员与您联系' }),
    })
    .superRefine((v, ctx) => {
      if (v.date1End < v.date1Start)
        ctx.addIssue({ code: 'custom', path: ['date1End'], message: '结束日期不能早于开始日期' })
      if (v.date2Start && !v.date2End)
        ctx.addIssue({ code: 'custom', path: ['date2End'], message: '请选择第二备选的结束日期' })
      if (v.date2End && !v.date2Start)
        ctx.addIssue({ code: 'custom', path: ['date2Start'], message: '请选择第二备选的开始日期' })
      if (v.date2Start && v.date2End && v.date2End < v.date2Start)
        ctx.addIssue({ code: 'custom', path: ['date2End'], message: '结束日期不能早于开始日期' })
    })
}

export type ParseResult = { ok: true; request: ValidRequest } | { ok: false; errors: FieldErrors }

/** Validates typed values; on failure every field's first message, keyed by field name. */
export function parseBooking(values: FormValues, options: BookingOptions): ParseResult {
  const result = bookingSchema(options).safeParse(values)
  if (!result.success) {
    const errors: FieldErrors = {}
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '') as FieldName
      if (FIELD_NAMES.includes(field) && !errors[field]) errors[field] = issue.message
    }
    return { ok: false, errors }
  }
  const v = result.data
  const preferredDates = [{ start: v.date1Start, end: v.date1End }]
  if (v.date2Start && v.date2End) preferredDates.push({ start: v.date2Start, end: v.date2End })
  return {
    ok: true,
    request: {
      school: v.school,
      contactName: v.contactName,
      phone: v.phone,
      email: v.email,
      workers: v.workers,
      topic: v.topic,
      preferredDates,
      gradeBand: v.gradeBand,
      audienceSize: v.audienceSize,
      prefecture: v.prefecture,
      address: v.address,
      notes: v.notes,
      consent: true,
    },
  }
}

/**
 * Reads form fields from URL-encoded pairs. Unknown fields are ignored; a field sent twice keeps its
 * first value (except the worker checkboxes, which are a list).
 */
export function valuesFromParams(params: URLSearchParams): FormValues {
  const values: FormValues = {}
  for (const name of FIELD_NAMES) {
    if (name === 'workers') values.workers = params.getAll('workers')
    else {
      const v = params.get(name)
      if (v !== null) values[name] = v
    }
  }
  return values
}
