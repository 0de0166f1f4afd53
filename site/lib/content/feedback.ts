/**
 * Approved school feedback (FEEDBACK_QUERY) as the site counts it, each problem named by document and field:
 * a rating out of range or a missing talk leaves the feedback uncounted; a bad attendance or stage is left out
 * of those figures only.
 */
import { z } from 'astro/zod'
import type { Loader } from 'astro/loaders'
import type { FEEDBACK_QUERY_RESULT } from '#domain/sanity.types'
import { MAX_QUOTE, MAX_STUDENTS, RATING_MAX, RATING_MIN } from '#domain/feedback'
import { GRADE_BANDS } from '#domain/vocabulary'
import { groqLoader } from './loader'
import { Problems, type Normalised, type Ref } from './normalise'
import { FEEDBACK_QUERY } from './queries'

export const feedbackSchema = z.object({
  _id: z.string(),
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  students: z.number().int().positive().optional(),
  gradeBands: z.array(z.enum(GRADE_BANDS.map((b) => b.value) as [string, ...string[]])),
  quote: z.string().max(MAX_QUOTE).optional(),
  talkId: z.string(),
  speakerIds: z.array(z.string()),
})
export type FeedbackInput = z.infer<typeof feedbackSchema>

/**
 * The entry that stands for "no approved feedback yet": Astro warns on every read of an empty collection,
 * and a site before its first approved feedback is not a content problem. Readers skip it (site.ts).
 */
export const NO_FEEDBACK_ID = 'none'
export const feedbackEntrySchema = z.union([feedbackSchema, z.object({ _id: z.literal(NO_FEEDBACK_ID) })])

export function feedbackLoader(): Loader {
  const inner = groqLoader({ name: 'feedback', query: FEEDBACK_QUERY, normalise: normaliseFeedback })
  return {
    name: inner.name,
    async load(context) {
      await inner.load(context)
      if (context.store.keys().length > 0) return
      const data = await context.parseData({ id: NO_FEEDBACK_ID, data: { _id: NO_FEEDBACK_ID } })
      context.store.set({ id: NO_FEEDBACK_ID, data, digest: NO_FEEDBACK_ID })
    },
  }
}

/** As typed by TypeGen, but as broken content may hold it: any field may be absent or of another type. */
type FeedbackRow = Pick<FEEDBACK_QUERY_RESULT[number], '_id'> & {
  rating?: unknown
  students?: unknown
  gradeBands?: unknown[] | null
  quote?: unknown
  talk?: Ref<{ _id: string; speakers?: unknown[] | null }> | null
}
const BANDS = new Set<string>(GRADE_BANDS.map((b) => b.value))

export function normaliseFeedback(row: FeedbackRow): Normalised<FeedbackInput> {
  const p = new Problems('talkFeedback', row._id)
  const { rating, students } = row
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
    p.add(
      'rating',
      `is ${JSON.stringify(rating ?? null)}, not a whole number ${RATING_MIN}–${RATING_MAX} — not counted`,
    )
    return { data: null, warnings: p.warnings }
  }
  const talk = p.ref('talk', row.talk)
  if (!talk) {
    if (!row.talk) p.add('talk', 'is missing — not counted')
    return { data: null, warnings: p.warnings }
  }
  const goodStudents =
    typeof students === 'number' && Number.isInteger(students) && students >= 1 && students <= MAX_STUDENTS
  if (!goodStudents && students != null)
    p.add(
      'students',
      `is ${JSON.stringify(students)}, not a number of students 1–${MAX_STUDENTS} — attendance not counted`,
    )
  const gradeBands: string[] = []
  ;(row.gradeBands ?? []).forEach((band, i) => {
    if (typeof band === 'string' && BANDS.has(band)) {
      if (!gradeBands.includes(band)) gradeBands.push(band)
    } else p.add(`gradeBands[${i}]`, `${JSON.stringify(band)} is not a grade band — ignored`)
  })
  let quote = typeof row.quote === 'string' ? row.quote.trim() || undefined : undefined
  if (quote && quote.length > MAX_QUOTE) {
    p.add('quote', `is longer than ${MAX_QUOTE} characters — not shown`)
    quote = undefined
  }
  const data: FeedbackInput = {
    _id: row._id,
    rating,
    ...(goodStudents ? { students: students as number } : {}),
    gradeBands,
    ...(quote ? { quote } : {}),
    talkId: talk._id,
    speakerIds: (talk.speakers ?? []).filter((s): s is string => typeof s === 'string'),
  }
  return { data, warnings: p.warnings }
}
