import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { TALK_STATUSES } from '#domain/vocabulary'
import {
  chinaDate,
  chinaIso,
  formatChinaIso,
  formatDateTime,
  formatTimeRange,
  monthKey,
  talkState,
  talkStatusTitle,
} from './format'

describe('China-time dates', () => {
  it('gives the China calendar day, not the UTC one', () => {
    expect(chinaDate(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25')
    expect(chinaDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
    expect(chinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01')
  })

  it('groups by the China month', () => {
    expect(monthKey('2027-02-28T16:30:00Z')).toBe('2027-03')
    expect(monthKey('2027-03-01T00:00:00+08:00')).toBe('2027-03')
  })

  it('shows times in China time', () => {
    expect(formatDateTime('2026-11-24T02:30:00Z')).toContain('10:30')
  })

  it('writes a moment as China local time with its offset, the same moment to the minute', () => {
    expect(chinaIso('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30+08:00')
    expect(chinaIso('2026-05-01T02:00:59Z')).toBe('2026-05-01T10:00+08:00')
    expect(Date.parse(chinaIso('2026-05-01T02:00:00Z'))).toBe(Date.parse('2026-05-01T02:00:00Z'))
  })

  it('shows a chinaIso string exactly as formatDateTime shows the moment, for any hour of two years', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let t = start; t < start + 2 * 366 * 86_400_000; t += 7 * 3_600_000 + 17 * 60_000) {
      const iso = new Date(t).toISOString()
      expect(formatChinaIso(chinaIso(iso))).toBe(formatDateTime(iso))
    }
  })
})

describe("a talk's start–end", () => {
  it('says the date once when both ends fall on one China-time day', () => {
    expect(formatTimeRange('2025-02-26T01:00:00Z', '2025-02-26T02:30:00Z')).toBe('2025年2月26日 09:00–10:30')
    // 23:00 UTC on the 25th is already the 26th in China.
    expect(formatTimeRange('2025-02-25T23:00:00Z', '2025-02-26T03:00:00Z')).toBe('2025年2月26日 07:00–11:00')
  })

  it('names both days when the talk crosses midnight in China time, even on one UTC day', () => {
    expect(formatTimeRange('2025-02-26T13:00:00Z', '2025-02-26T16:30:00Z')).toBe('2025年2月26日 21:00 – 2月27日 00:30')
  })

  it("names the end's year when the years differ", () => {
    expect(formatTimeRange('2026-12-31T14:00:00Z', '2026-12-31T16:30:00Z')).toBe(
      '2026年12月31日 22:00 – 2027年1月1日 00:30',
    )
  })

  it('shows the start alone without an end, as formatDateTime does', () => {
    expect(formatTimeRange('2025-02-26T01:00:00Z')).toBe(formatDateTime('2025-02-26T01:00:00Z'))
    expect(formatTimeRange('2025-02-26T01:00:00Z', null)).toBe('2025年2月26日 09:00')
  })
})

describe("a talk's state in words", () => {
  const now = Date.parse('2026-06-01T00:00:00Z')
  const title = (value: string) => TALK_STATUSES.find((o) => o.value === value)!.title

  it('reads the vocabulary: planned ahead, held and cancelled in its titles', () => {
    expect(talkStatusTitle({ status: 'planned', startsAt: '2026-07-01T02:00:00Z' }, now)).toBe(title('planned'))
    expect(talkStatusTitle({ status: 'held', startsAt: '2026-05-01T02:00:00Z' }, now)).toBe(title('held'))
    expect(talkStatusTitle({ status: 'cancelled', startsAt: '2026-07-01T02:00:00Z' }, now)).toBe(title('cancelled'))
    expect(talkState({ status: 'planned', startsAt: '2026-07-01T02:00:00Z' }, now)).toBe('planned')
  })

  it('says a planned talk past its start is awaiting an update, not upcoming', () => {
    const passed = { status: 'planned', startsAt: '2026-05-01T02:00:00Z' }
    expect(talkState(passed, now)).toBe('overdue')
    expect(talkStatusTitle(passed, now)).toBe(`${title('planned')}·待更新`)
    expect(talkStatusTitle(passed, new Date('2026-04-01T00:00:00Z'))).toBe(title('planned'))
  })

  it("is the only source of the words in every place that shows a talk's state", () => {
    const places = ['../components/TalkItem.astro', '../pages/talks/[id].astro', './map/list.ts', './map/popup.ts']
    for (const place of places) {
      const source = readFileSync(new URL(place, import.meta.url), 'utf8')
      expect(source, place).toContain('talkStatusTitle(')
      // No state word of its own, and no reading of the vocabulary's statuses past the function.
      expect(source, place).not.toMatch(/即将举行|计划中|已举办|待更新|>已取消<|TALK_STATUSES/)
    }
  })
})
