/**
 * The booking form's fields and their validation, shared by the endpoint (authoritative) and
 * the browser script (validate as you type). Pure: no Node or Astro imports, so it also runs in
 * the page bundle. Messages are written for a teacher, in Chinese.
 */
import { z } from 'astro/zod'
import { PREFECTURE_NAMES } from '#domain/region'
import { normaliseMainlandMobile } from '#domain/validation'
import { GRADE_BANDS, type GradeBand } from '#domain/vocabulary'

// The pages' Content-Security-Policy has no 'unsafe-eval': zod must not probe `new Function('')` in the
// browser (set before any schema parses; the gain of compiled parsers is nothing for one small form).
z.config({ jitless: true })

/** Names of the form controls, in the order they appear. */
export const FIELD_NAMES = [
  'school',
  'contactName',
  'phone',
  'email',
  'anyWorker',
  'workers',
  'lectureTopic',
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
  /**
   * Topics the form offers (the school workers' talkTopics): a topic must be one of them. Left out
   * only by callers that have no list (some tests); then a topic is free text of up to 50 characters.
   */
  topics?: readonly string[]
  /** The 点单 menu's topics (lectureTopic documents): a menu topic must be one of them. None: the form has no menu. */
  menuTopics?: readonly MenuTopicOption[]
  /** "Today" in China (YYYY-MM-DD): preferred dates must not be in the past. */
  today: string
}

export interface MenuTopicOption {
  id: string
  title: string
}

export interface ValidRequest {
  school: string
  contactName: string
  phone: string
  email?: string
  workers: string[]
  /** Any available worker will do: "任一可安排的劳模" ticked, or no worker named (parseBooking always sets it). */
  anyWorker?: boolean
  /** The menu topic's document id. */
  lectureTopic?: string
  /** Free text: the menu topic's title when one was chosen (older readers of the inbox see it), else a topic tag. */
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
const MAX_TOPIC = 50

/** Markup has no place in a booking (Chinese titles use 《》): refusing it keeps script payloads out of the inbox. */
const MARKUP = /<\s*[a-z!/?]/i
const noMarkup = (label: string) =>
  [(v: string) => !MARKUP.test(v), { error: `${label}中请不要输入网页代码（< >）` }] as const

/**
 * Invisible formatting characters (Unicode Cf): zero-width spaces and joiners, bidi embeddings,
 * overrides, isolates and marks, the BOM, soft hyphens, tag characters. Removed from every typed
 * value: innocent copies carry them (phone numbers from contact apps come wrapped in bidi marks),
 * they show nothing, and bidi controls can make a stored name read differently from what was sent.
 */
const INVISIBLE = /\p{Cf}/gu
/**
 * Control characters (Unicode Cc, NUL included) other than tab and line breaks, and unpaired
 * surrogates. No keyboard types them, so they mean a damaged paste or a probe: refused rather than
 * dropped, so that nothing the teacher sent is changed without them seeing it.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}|\p{Cs}/u
const LINE_BREAK = /[\n\r\u2028\u2029]/

/** The first step for every typed value: invisible characters out, tabs become spaces. */
const strip = (v: string) => v.replace(INVISIBLE, '').replace(/\t/g, ' ')
/** For the notes: every kind of line break (browsers send a textarea's as CRLF) becomes "\n". */
const unifyLineBreaks = (v: string) => v.replace(/\r\n?|[\u2028\u2029]/g, '\n')

/** A value as the schema stores it (invisible characters removed, NFC, trimmed): for comparing list entries. */
export const cleanText = (v: string) => strip(v).normalize('NFC').trim()

/** A text control's value, cleaned and checked for characters that have no place in it. */
const cleaned = (label: string, typeError: string, multiline = false) =>
  z
    .string({ error: typeError })
    .overwrite((v) => (multiline ? unifyLineBreaks(strip(v)) : strip(v)))
    .refine((v) => !CONTROL.test(v), { error: `${label}含有无法识别的控制字符，请删除后重新填写` })
    .refine((v) => multiline || !LINE_BREAK.test(v), { error: `${label}不能换行，请写在一行内` })
    .normalize('NFC')
    .trim()

const text = (label: string, max: number) =>
  cleaned(label, `请填写${label}`)
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine(...noMarkup(label))

const optionalText = (label: string, max: number, multiline = false) =>
  cleaned(label, `${label}格式不正确`, multiline)
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine(...noMarkup(label))
    .optional()
    .transform((v) => v || undefined)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True for a `YYYY-MM-DD` that is on the calendar (2028-02-29 is, 2027-02-30 is not). */
export function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** "2027年3月5日", without Intl: the same text in every browser and on the server. */
function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/**
 * The days a preferred date may fall on: from today (China time) to the same day a year on (from
 * 29 February, 28 February). A year covers the next school year from any point in this one; the
 * booking office cannot promise a model worker's time further ahead.
 */
export function dateBounds(today: string): { min: string; max: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const day = Math.min(d, daysInMonth(y + 1, m))
  return { min: today, max: `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
}

/** Builds the zod schema for one render (the lists of workers and topics, and "today", vary). */
export function bookingSchema(options: BookingOptions) {
  const { min, max } = dateBounds(options.today)
  const dateProblem = (label: string, v: string): string | undefined => {
    const m = ISO_DATE.exec(v)
    if (!m) return `${label}格式不正确，请按“年-月-日”填写，例如 ${min}`
    const [year, month] = [Number(m[1]), Number(m[2])]
    if (month < 1 || month > 12) return `${label}不存在：月份应在 1 到 12 之间`
    if (!isCalendarDate(v)) return `${label}不存在：${year}年${month}月只有 ${daysInMonth(year, month)} 天`
    if (v < min) return `${label}不能早于今天（${chineseDate(min)}）`
    if (v > max) return `${label}请选在一年以内（不晚于${chineseDate(max)}）`
    return undefined
  }
  const date = (label: string) =>
    z
      .string({ error: `请选择${label}` })
      .overwrite(strip)
      .trim()
      .min(1, { error: `请选择${label}` })
      .superRefine((v, ctx) => {
        const problem = v ? dateProblem(label, v) : undefined
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      })
  const optionalDate = (label: string) =>
    z
      .string({ error: `${label}格式不正确` })
      .overwrite(strip)
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(date(label).optional())

  const topics = options.topics && new Set(options.topics.map(cleanText))
  const topic = topics
    ? cleaned('宣讲主题', '宣讲主题格式不正确').refine((v) => !v || topics.has(v), {
        error: '所选宣讲主题不在可选列表中，请从列表中重新选择，或选择“不限，请推荐”',
      })
    : cleaned('宣讲主题', '宣讲主题格式不正确')
        .max(MAX_TOPIC, { error: `宣讲主题不能超过 ${MAX_TOPIC} 个字` })
        .refine(...noMarkup('宣讲主题'))

  const menu = new Map((options.menuTopics ?? []).map((t) => [t.id, t.title]))
  const lectureTopic = z
    .string({ error: '点单主题格式不正确' })
    .overwrite(strip)
    .trim()
    .refine((v) => !v || menu.has(v), {
      error: '所选点单主题不存在或已下架，请从列表中重新选择，或选择“不限，请推荐”',
    })
    .optional()
    .transform((v) => v || undefined)

  /** Lists answer "choose one" when nothing was chosen, "not on the list" when something else was sent. */
  const fromList = <T extends string>(values: readonly T[], choose: string, notListed: string) =>
    z.enum(values as [T, ...T[]], {
      error: (issue) => (issue.input === undefined || issue.input === '' ? choose : notListed),
    })

  return z
    .object({
      school: text('学校名称', 100),
      contactName: text('联系人姓名', 50),
      phone: z
        .string({ error: '请填写手机号码' })
        .overwrite(strip)
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
        .overwrite(strip)
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
      anyWorker: z
        .string({ error: '“任一可安排的劳模”选项无效，请重新勾选' })
        .refine((v) => v === '' || v === 'yes', { error: '“任一可安排的劳模”选项无效，请重新勾选' })
        .optional(),
      lectureTopic,
      topic: topic.optional().transform((v) => v || undefined),
      date1Start: date('第一备选的开始日期'),
      date1End: date('第一备选的结束日期'),
      date2Start: optionalDate('第二备选的开始日期'),
      date2End: optionalDate('第二备选的结束日期'),
      gradeBand: fromList(
        GRADE_BANDS.map((g) => g.value),
        '请选择学段',
        '所选学段不在可选范围内，请从列表中选择',
      ),
      audienceSize: z
        .string({ error: '请填写预计听众人数' })
        .trim()
        .min(1, { error: '请填写预计听众人数' })
        .refine((v) => /^\d+$/.test(v), { error: '听众人数请填写整数' })
        .transform(Number)
        .refine((n) => n >= 1 && n <= MAX_AUDIENCE, { error: `听众人数应在 1 到 ${MAX_AUDIENCE} 之间` }),
      prefecture: fromList(PREFECTURE_NAMES, '请选择学校所在市州', '所选市州不在甘肃省的市州之中，请从列表中选择'),
      address: text('学校地址', 200),
      notes: optionalText('备注', 1000, true),
      consent: z.literal('yes', { error: '请勾选同意工作人员与您联系' }),
    })
    .superRefine(
      (v, ctx) => {
        // Runs even when other fields failed (see `when`), so the values may be unparsed: compare
        // only dates that are real.
        const day = (x: unknown) => (typeof x === 'string' && isCalendarDate(x) ? x : undefined)
        const given = (x: unknown) => typeof x === 'string' && x.trim() !== ''
        const [s1, e1, s2, e2] = [day(v.date1Start), day(v.date1End), day(v.date2Start), day(v.date2End)]
        if (s1 && e1 && e1 < s1)
          ctx.addIssue({ code: 'custom', path: ['date1End'], message: '结束日期不能早于开始日期' })
        if (given(v.date2Start) && !given(v.date2End))
          ctx.addIssue({ code: 'custom', path: ['date2End'], message: '请选择第二备选的结束日期' })
        if (given(v.date2End) && !given(v.date2Start))
          ctx.addIssue({ code: 'custom', path: ['date2Start'], message: '请选择第二备选的开始日期' })
        if (s2 && e2 && e2 < s2)
          ctx.addIssue({ code: 'custom', path: ['date2End'], message: '结束日期不能早于开始日期' })
      },
      // By default zod skips an object's checks once any field failed; the teacher should see
      // every problem in one round, not the reversed range only after fixing the phone number.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    )
}

let lastSchema: { options: BookingOptions; schema: ReturnType<typeof bookingSchema> } | undefined

/**
 * The server validates every submission against the same lists until the day changes: building the
 * schema once per (lists, day) instead of per request keeps a burst of submissions CPU-light.
 */
function schemaFor(options: BookingOptions) {
  const last = lastSchema?.options
  const same =
    last?.workerIds === options.workerIds &&
    last.topics === options.topics &&
    last.menuTopics === options.menuTopics &&
    last.today === options.today
  if (!same || !lastSchema) lastSchema = { options, schema: bookingSchema(options) }
  return lastSchema.schema
}

export type ParseResult = { ok: true; request: ValidRequest } | { ok: false; errors: FieldErrors }

/** Validates typed values; on failure every field's first message, keyed by field name. */
export function parseBooking(values: FormValues, options: BookingOptions): ParseResult {
  const result = schemaFor(options).safeParse(values)
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
      anyWorker: v.anyWorker === 'yes' || v.workers.length === 0,
      lectureTopic: v.lectureTopic,
      // The free text keeps what the school asked for even if the topic document goes (or an older reader looks).
      topic: v.topic ?? (v.lectureTopic && options.menuTopics?.find((t) => t.id === v.lectureTopic)?.title),
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
