/**
 * The feedback form's fields and their validation (authoritative on the server; the page works without
 * JavaScript). Every problem is reported at once, one message per field, in words a teacher understands.
 */
import { z } from 'astro/zod'
import {
  FEEDBACK_HIGHLIGHTS,
  INVITE_AGAIN,
  MAX_COMMENT,
  MAX_STUDENTS,
  RATING_MAX,
  RATING_MIN,
  type FeedbackHighlight,
  type InviteAgain,
} from '#domain/feedback'
import { GRADE_BANDS, type GradeBand } from '#domain/vocabulary'
import { cleanText } from '../booking/form'

z.config({ jitless: true })

export const FEEDBACK_FIELDS = ['rating', 'students', 'gradeBands', 'highlights', 'inviteAgain', 'comment'] as const
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number]
/** Checkbox groups arrive as several values of one name. */
const MULTI: readonly FeedbackField[] = ['gradeBands', 'highlights']

export type FeedbackValues = Partial<Record<'rating' | 'students' | 'inviteAgain' | 'comment', string>> & {
  gradeBands?: string[]
  highlights?: string[]
}
export type FeedbackErrors = Partial<Record<FeedbackField, string>>

export interface ValidFeedback {
  rating: number
  students: number
  gradeBands: GradeBand[]
  highlights: FeedbackHighlight[]
  inviteAgain: InviteAgain
  comment?: string
}

const values = <T extends { value: string }>(options: readonly T[]) =>
  options.map((o) => o.value) as [string, ...string[]]
/** Control characters (tab and line breaks aside) and unpaired surrogates: a damaged paste or a probe. */
const CONTROL = /(?![\t\n\r])\p{Cc}|\p{Cs}/u
const MARKUP = /<\s*[a-z!/?]/i

const schema = z.object({
  rating: z
    .string()
    .transform((v) => cleanText(v))
    .pipe(
      z
        .string()
        .min(1, { error: '请选择总体评价（1–5 星）' })
        .regex(new RegExp(`^[${RATING_MIN}-${RATING_MAX}]$`), { error: '总体评价应为 1 到 5 星' })
        .transform(Number),
    ),
  students: z
    .string()
    .transform((v) => cleanText(v).replace(/[\s,，]/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: '请填写到场学生人数' })
        .regex(/^\d{1,6}$/, { error: '到场学生人数请填写整数，例如 120' })
        .transform(Number)
        .pipe(
          z
            .number()
            .min(1, { error: '到场学生人数至少为 1' })
            .max(MAX_STUDENTS, { error: `到场学生人数不能超过 ${MAX_STUDENTS}，请核对` }),
        ),
    ),
  gradeBands: z
    .array(z.string())
    .transform((list) => [...new Set(list.map(cleanText))])
    .pipe(
      z
        .array(z.enum(values(GRADE_BANDS), { error: '所选年级/学段不在列表中，请重新选择' }))
        .min(1, { error: '请至少选择一个年级/学段' }),
    ),
  highlights: z
    .array(z.string())
    .transform((list) => [...new Set(list.map(cleanText))])
    .pipe(z.array(z.enum(values(FEEDBACK_HIGHLIGHTS), { error: '所选内容不在列表中，请重新选择' }))),
  inviteAgain: z
    .string()
    .transform((v) => cleanText(v))
    .pipe(z.enum(values(INVITE_AGAIN), { error: '请选择是否愿意再次邀请' })),
  comment: z
    .string()
    .transform((v) => cleanText(v.replace(/\r\n?/g, '\n')))
    .pipe(
      z
        .string()
        .max(MAX_COMMENT, { error: `其他意见不能超过 ${MAX_COMMENT} 个字` })
        .refine((v) => !CONTROL.test(v), { error: '其他意见含有无法识别的控制字符，请删除后重新填写' })
        .refine((v) => !MARKUP.test(v), { error: '其他意见中请不要输入网页代码（< >）' }),
    ),
})

export function valuesFromParams(params: URLSearchParams): FeedbackValues {
  const out: Record<string, string | string[]> = {}
  for (const field of FEEDBACK_FIELDS)
    out[field] = MULTI.includes(field) ? params.getAll(field) : (params.get(field) ?? '')
  return out as FeedbackValues
}

export function parseFeedback(
  input: FeedbackValues,
): { ok: true; feedback: ValidFeedback } | { ok: false; errors: FeedbackErrors } {
  const result = schema.safeParse({
    rating: input.rating ?? '',
    students: input.students ?? '',
    gradeBands: input.gradeBands ?? [],
    highlights: input.highlights ?? [],
    inviteAgain: input.inviteAgain ?? '',
    comment: input.comment ?? '',
  })
  if (!result.success) {
    const errors: FeedbackErrors = {}
    for (const issue of result.error.issues) {
      const field = issue.path[0] as FeedbackField
      if (FEEDBACK_FIELDS.includes(field) && !errors[field]) errors[field] = issue.message
    }
    return { ok: false, errors }
  }
  const { comment, ...rest } = result.data
  return {
    ok: true,
    feedback: {
      ...rest,
      gradeBands: rest.gradeBands as GradeBand[],
      highlights: rest.highlights as FeedbackHighlight[],
      inviteAgain: rest.inviteAgain as InviteAgain,
      ...(comment ? { comment } : {}),
    },
  }
}
