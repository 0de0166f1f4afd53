import { describe, expect, it } from 'vitest'
import { normaliseFeedback } from './feedback'

const talk = { ref: 'talk-1', pending: false, doc: { _id: 'talk-1', speakers: ['w1', 'w2'] } }
const row = { _id: 'fb-1', rating: 4, students: 120, gradeBands: ['junior'], quote: ' 学生很受鼓舞 ', talk }

describe('normaliseFeedback', () => {
  it('keeps the numbers, stages, quote and the talk’s speakers', () => {
    expect(normaliseFeedback(row)).toEqual({
      data: {
        _id: 'fb-1',
        rating: 4,
        students: 120,
        gradeBands: ['junior'],
        quote: '学生很受鼓舞',
        talkId: 'talk-1',
        speakerIds: ['w1', 'w2'],
      },
      warnings: [],
    })
  })

  it('leaves out a rating out of range, naming document and field', () => {
    for (const rating of [0, 6, 4.5, '5', null]) {
      const { data, warnings } = normaliseFeedback({ ...row, rating })
      expect(data).toBeNull()
      expect(warnings).toEqual([expect.stringMatching(/^talkFeedback fb-1: field "rating" .* not counted$/)])
    }
  })

  it('leaves out feedback without a talk, or whose talk was deleted', () => {
    expect(normaliseFeedback({ ...row, talk: null })).toEqual({
      data: null,
      warnings: ['talkFeedback fb-1: field "talk" is missing — not counted'],
    })
    const dangling = normaliseFeedback({ ...row, talk: { ref: 'talk-gone', pending: false, doc: null } })
    expect(dangling.data).toBeNull()
    expect(dangling.warnings).toEqual([expect.stringContaining('field "talk" references "talk-gone"')])
  })

  it('counts the rating but not a bad attendance or stage, and says so', () => {
    const { data, warnings } = normaliseFeedback({ ...row, students: -5, gradeBands: ['junior', 'nursery'] })
    expect(data).toMatchObject({ rating: 4, gradeBands: ['junior'] })
    expect(data).not.toHaveProperty('students')
    expect(warnings).toEqual([
      expect.stringContaining('field "students" is -5'),
      expect.stringContaining('field "gradeBands[1]" "nursery" is not a grade band'),
    ])
  })
})
