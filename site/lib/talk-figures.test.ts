import { describe, expect, it } from 'vitest'
import { stateSentence, talkFigures, venueSentence, type FigureTalk } from './talk-figures'

const NOW = Date.parse('2026-06-01T00:00:00Z')
const talk = (status: string, startsAt: string, venueType = 'school'): FigureTalk => ({ status, startsAt, venueType })

const talks = [
  talk('held', '2025-03-01T02:00:00Z', 'enterprise'),
  talk('held', '2025-04-01T02:00:00Z'),
  talk('planned', '2027-10-01T02:00:00Z', 'community'),
  // Date passed, never marked held: still 计划中, counted as overdue inside it.
  talk('planned', '2026-05-01T02:00:00Z'),
  talk('cancelled', '2026-01-01T02:00:00Z', 'enterprise'),
]

describe('talkFigures', () => {
  it('counts every talk once by state, overdue under planned, and held + planned + cancelled = total', () => {
    const f = talkFigures(talks, NOW)
    expect(f).toMatchObject({ total: 5, held: 2, planned: 2, overdue: 1, cancelled: 1 })
    expect(f.held + f.planned + f.cancelled).toBe(f.total)
  })

  it('uses now: a planned talk becomes overdue once its start has passed', () => {
    expect(talkFigures(talks, Date.parse('2028-01-01T00:00:00Z')).overdue).toBe(2)
  })

  it('counts all talks by venue type in vocabulary order, zeros kept, unknown types after', () => {
    const f = talkFigures([...talks, talk('held', '2025-01-01T02:00:00Z', 'odd')], NOW)
    expect(f.byVenue).toEqual([
      { key: 'enterprise', label: '企业', value: 2 },
      { key: 'school', label: '校园', value: 2 },
      { key: 'community', label: '社区', value: 1 },
      { key: 'odd', label: 'odd', value: 1 },
    ])
    expect(talkFigures([], NOW).byVenue.map((v) => v.value)).toEqual([0, 0, 0])
  })

  it('writes the sentences, naming overdue talks only when there are some', () => {
    const f = talkFigures(talks, NOW)
    expect(stateSentence(f)).toBe('共 5 场报告会：已举办 2 场 · 计划中 2 场（含日期已过、待更新 1 场） · 已取消 1 场')
    expect(stateSentence(talkFigures(talks.slice(0, 3), NOW))).toBe(
      '共 3 场报告会：已举办 2 场 · 计划中 1 场 · 已取消 0 场',
    )
    expect(venueSentence(f)).toBe('按场所：企业 2 场 · 校园 2 场 · 社区 1 场（含已取消）')
  })
})
