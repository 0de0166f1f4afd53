import { describe, expect, it } from 'vitest'
import { GRADE_BANDS } from '#domain/vocabulary'
import { gradeBandsForTopics } from './grade-bands'
import { schoolTopics, schoolWorkers, workerGradeBands } from './workers'

describe('grade bands from talk topics', () => {
  it('unions the bands of every topic, in vocabulary order', () => {
    expect(gradeBandsForTopics(['安全生产'])).toEqual(['vocational', 'university'])
    expect(gradeBandsForTopics(['安全生产', '劳动教育'])).toEqual([
      'primary',
      'junior',
      'senior',
      'vocational',
      'university',
    ])
  })
  it('never hides a worker with no or unknown topics', () => {
    const all = GRADE_BANDS.map((g) => g.value)
    expect(gradeBandsForTopics([])).toEqual(all)
    expect(gradeBandsForTopics(['新主题'])).toEqual(all)
  })
})

describe('school workers', () => {
  const w = (name: string, availableForSchools: boolean, talkTopics: string[]) => ({
    _id: name,
    name,
    slug: name,
    availableForSchools,
    talkTopics,
    schoolStages: [] as string[],
  })
  it('keeps those available for schools and ranks topics by how many offer them', () => {
    const list = schoolWorkers([w('乙', true, ['A', 'B']), w('甲', false, ['C']), w('丙', true, ['B'])])
    expect(list.map((x) => x.name)).toEqual(['丙', '乙'])
    expect(schoolTopics(list)).toEqual(['B', 'A'])
  })
})

describe('a worker’s stages', () => {
  it('are those the worker declared, in vocabulary order, whatever their topics suit', () => {
    expect(workerGradeBands({ talkTopics: ['安全生产'], schoolStages: ['university', 'primary'] })).toEqual([
      'primary',
      'university',
    ])
  })
  it('come from the topics when none (or only unknown values) are declared', () => {
    expect(workerGradeBands({ talkTopics: ['安全生产'], schoolStages: [] })).toEqual(['vocational', 'university'])
    expect(workerGradeBands({ talkTopics: ['安全生产'], schoolStages: ['kindergarten'] })).toEqual([
      'vocational',
      'university',
    ])
  })
})
