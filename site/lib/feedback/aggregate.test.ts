import { describe, expect, it } from 'vitest'
import { GRADE_BANDS } from '#domain/vocabulary'
import { feedbackByBand, summarise, workerFeedback, type CountedFeedback } from './aggregate'

/** Deterministic pseudo-random feedback: varied ratings, stages, speakers and missing attendance. */
function generate(n: number, seed: number): CountedFeedback[] {
  let s = seed
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: n }, () => {
    const bands = GRADE_BANDS.filter(() => next() < 0.4).map((b) => b.value)
    return {
      rating: 1 + Math.floor(next() * 5),
      ...(next() < 0.8 ? { students: 1 + Math.floor(next() * 800) } : {}),
      gradeBands: bands.length ? bands : [GRADE_BANDS[Math.floor(next() * GRADE_BANDS.length)]!.value],
      speakerIds: ['w1', 'w2', 'w3'].filter(() => next() < 0.5),
      ...(next() < 0.3 ? { quote: `摘录 ${Math.floor(next() * 1000)}` } : {}),
    }
  })
}

describe('feedback aggregation', () => {
  it('counts nothing as no responses and no average', () => {
    expect(summarise([])).toEqual({ responses: 0, averageRating: null, students: 0 })
    expect(workerFeedback([], 'w1')).toEqual({ responses: 0, averageRating: null, students: 0, quotes: [] })
    expect(feedbackByBand([]).map((r) => r.responses)).toEqual(GRADE_BANDS.map(() => 0))
  })

  it('averages ratings to one decimal and adds only the students reported', () => {
    expect(
      summarise([
        { rating: 5, students: 100, gradeBands: [], speakerIds: [] },
        { rating: 4, gradeBands: [], speakerIds: [] },
        { rating: 4, students: 20, gradeBands: [], speakerIds: [] },
      ]),
    ).toEqual({
      responses: 3,
      averageRating: 4.3,
      students: 120,
    })
  })

  for (const seed of [1, 7, 42, 2026]) {
    it(`agrees with a direct count on generated feedback (seed ${seed})`, () => {
      const items = generate(60 + (seed % 50), seed)
      for (const worker of ['w1', 'w2', 'w3', 'nobody']) {
        const mine = items.filter((f) => f.speakerIds.includes(worker))
        const got = workerFeedback(items, worker)
        expect(got.responses).toBe(mine.length)
        expect(got.students).toBe(mine.reduce((t, f) => t + (f.students ?? 0), 0))
        expect(got.quotes).toEqual(mine.filter((f) => f.quote).map((f) => f.quote))
        if (mine.length)
          expect(
            Math.abs(got.averageRating! - mine.reduce((t, f) => t + f.rating, 0) / mine.length),
          ).toBeLessThanOrEqual(0.05)
        else expect(got.averageRating).toBeNull()
      }
      const rows = feedbackByBand(items)
      expect(rows.map((r) => r.key)).toEqual(GRADE_BANDS.map((b) => b.value))
      for (const row of rows) {
        const inBand = items.filter((f) => f.gradeBands.includes(row.key))
        expect(row.responses).toBe(inBand.length)
        expect(row.students).toBe(inBand.reduce((t, f) => t + (f.students ?? 0), 0))
      }
      // A response naming several stages counts under each: the rows add up to at least the total.
      expect(rows.reduce((t, r) => t + r.responses, 0)).toBeGreaterThanOrEqual(items.length)
    })
  }
})
