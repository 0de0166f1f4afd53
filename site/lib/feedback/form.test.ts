import { describe, expect, it } from 'vitest'
import { FEEDBACK_HIGHLIGHTS, INVITE_AGAIN, MAX_COMMENT, MAX_STUDENTS } from '#domain/feedback'
import { GRADE_BANDS } from '#domain/vocabulary'
import { parseFeedback, valuesFromParams, type FeedbackValues } from './form'

const valid: FeedbackValues = {
  rating: '5',
  students: '320',
  gradeBands: ['junior', 'senior'],
  highlights: ['story', 'career'],
  inviteAgain: 'yes',
  comment: '学生们听得很认真。\r\n希望明年再来。',
}

describe('parseFeedback', () => {
  it('accepts every rating, grade band, highlight and answer the form offers', () => {
    for (let rating = 1; rating <= 5; rating++)
      for (const band of GRADE_BANDS)
        for (const again of INVITE_AGAIN) {
          const parsed = parseFeedback({
            ...valid,
            rating: String(rating),
            gradeBands: [band.value],
            highlights: FEEDBACK_HIGHLIGHTS.map((h) => h.value),
            inviteAgain: again.value,
          })
          expect(parsed).toMatchObject({
            ok: true,
            feedback: { rating, gradeBands: [band.value], inviteAgain: again.value },
          })
        }
  })

  it('cleans what was typed: numbers with separators, line breaks, repeated boxes, an empty comment', () => {
    const parsed = parseFeedback({ ...valid, students: ' 1,200 ', gradeBands: ['junior', 'junior'], comment: '  ' })
    expect(parsed).toEqual({
      ok: true,
      feedback: {
        rating: 5,
        students: 1200,
        gradeBands: ['junior'],
        highlights: ['story', 'career'],
        inviteAgain: 'yes',
      },
    })
    const withComment = parseFeedback(valid)
    expect(withComment.ok && withComment.feedback.comment).toBe('学生们听得很认真。\n希望明年再来。')
  })

  it('reports every problem at once, one message per field', () => {
    const parsed = parseFeedback({})
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(Object.keys(parsed.errors).sort()).toEqual(['gradeBands', 'inviteAgain', 'rating', 'students'])
    expect(parsed.errors.rating).toContain('总体评价')
    expect(parsed.errors.students).toContain('到场学生人数')
    expect(parsed.errors.gradeBands).toContain('年级/学段')
  })

  it('refuses out-of-range and foreign values with a message for each', () => {
    const cases: [FeedbackValues, string][] = [
      [{ rating: '0' }, 'rating'],
      [{ rating: '6' }, 'rating'],
      [{ rating: '4.5' }, 'rating'],
      [{ students: '0' }, 'students'],
      [{ students: String(MAX_STUDENTS + 1) }, 'students'],
      [{ students: '-3' }, 'students'],
      [{ students: '三百' }, 'students'],
      [{ gradeBands: ['kindergarten'] }, 'gradeBands'],
      [{ highlights: ['free text'] }, 'highlights'],
      [{ inviteAgain: 'perhaps' }, 'inviteAgain'],
      [{ comment: 'x'.repeat(MAX_COMMENT + 1) }, 'comment'],
      [{ comment: '<script>alert(1)</script>' }, 'comment'],
      [{ comment: 'a\u0000b' }, 'comment'],
    ]
    for (const [change, field] of cases) {
      const parsed = parseFeedback({ ...valid, ...change })
      expect(parsed.ok, JSON.stringify(change)).toBe(false)
      if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual([field])
    }
  })

  it('reads checkbox groups as several values of one name', () => {
    const params = new URLSearchParams('rating=4&students=30&gradeBands=primary&gradeBands=junior&inviteAgain=no')
    expect(valuesFromParams(params)).toMatchObject({ gradeBands: ['primary', 'junior'], highlights: [], comment: '' })
  })
})
