/**
 * Approved feedback, counted: per model worker (their profile) and per 学段 (/stats/). Pure, over the
 * feedback collection's entries. A response names the talk's speakers; a talk with two speakers counts
 * for both. A response may name several stages: it counts under each, and the total counts it once.
 */
import { GRADE_BANDS } from '#domain/vocabulary'

export interface CountedFeedback {
  rating: number
  students?: number
  gradeBands: readonly string[]
  speakerIds: readonly string[]
  quote?: string
}

export interface FeedbackSummary {
  responses: number
  /** Mean of the ratings, one decimal; null without responses. */
  averageRating: number | null
  /** Students the responses reported (responses without a number add nothing). */
  students: number
}

export interface BandSummary extends FeedbackSummary {
  key: string
  label: string
}

const round1 = (n: number) => Math.round(n * 10) / 10

export function summarise(items: readonly CountedFeedback[]): FeedbackSummary {
  const ratings = items.map((f) => f.rating)
  return {
    responses: items.length,
    averageRating: items.length ? round1(ratings.reduce((a, b) => a + b, 0) / items.length) : null,
    students: items.reduce((total, f) => total + (f.students ?? 0), 0),
  }
}

/** What a worker's profile shows, with the editors' quotes (newest-first order is the caller's). */
export function workerFeedback(items: readonly CountedFeedback[], workerId: string) {
  const mine = items.filter((f) => f.speakerIds.includes(workerId))
  return { ...summarise(mine), quotes: mine.flatMap((f) => (f.quote ? [f.quote] : [])) }
}

/** One row per 学段 in GRADE_BANDS order (every stage, so a stage without feedback shows as none). */
export function feedbackByBand(items: readonly CountedFeedback[]): BandSummary[] {
  return GRADE_BANDS.map((band) => ({
    key: band.value,
    label: band.title,
    ...summarise(items.filter((f) => f.gradeBands.includes(band.value))),
  }))
}
