/**
 * The one definition of the talk totals every page shows (home, /talks/, /map/, /stats/), so no
 * two pages can disagree. Pure: the caller passes the talks collection's data and "now"
 * (`BUILD_TIME` in pages).
 *
 * A planned talk whose date has passed without being marked held (`overdue`, shown as
 * "计划中·待更新") still counts as 计划中: nobody has confirmed it took place, so calling it held
 * would overstate; it is named separately inside the planned figure instead.
 */
import { VENUE_TYPES } from '#domain/vocabulary'
import { formatNumber, talkState } from './format'

export interface FigureTalk {
  status: string
  startsAt: string
  venueType: string
}

export interface TalkFigures {
  /** Every talk on the site, cancelled ones included. */
  total: number
  held: number
  /** Planned talks, overdue ones included. */
  planned: number
  /** Of `planned`: the date has passed but the talk is not yet marked held. */
  overdue: number
  cancelled: number
  /** Every talk by venue type (cancelled included), in vocabulary order; unknown types follow. */
  byVenue: { key: string; label: string; value: number }[]
}

export function talkFigures(talks: readonly FigureTalk[], now: Date | number): TalkFigures {
  const f = { total: talks.length, held: 0, planned: 0, overdue: 0, cancelled: 0 }
  const venues = new Map<string, number>(VENUE_TYPES.map((v) => [v.value, 0]))
  for (const talk of talks) {
    const state = talkState(talk, now)
    if (state === 'held') f.held++
    else if (state === 'cancelled') f.cancelled++
    else {
      f.planned++
      if (state === 'overdue') f.overdue++
    }
    venues.set(talk.venueType, (venues.get(talk.venueType) ?? 0) + 1)
  }
  const labels = new Map<string, string>(VENUE_TYPES.map((v) => [v.value, v.title]))
  const byVenue = [...venues].map(([key, value]) => ({ key, label: labels.get(key) ?? key, value }))
  return { ...f, byVenue }
}

/** "共 213 场报告会：已举办 150 场 · 计划中 60 场（含待更新 2 场） · 已取消 3 场" */
export function stateSentence(f: TalkFigures): string {
  const overdue = f.overdue > 0 ? `（含日期已过、待更新 ${formatNumber(f.overdue)} 场）` : ''
  return (
    `共 ${formatNumber(f.total)} 场报告会：已举办 ${formatNumber(f.held)} 场 · ` +
    `计划中 ${formatNumber(f.planned)} 场${overdue} · 已取消 ${formatNumber(f.cancelled)} 场`
  )
}

/** "按场所：企业 90 场 · 校园 75 场 · 社区 48 场（含已取消）" */
export function venueSentence(f: TalkFigures): string {
  const parts = f.byVenue.map((v) => `${v.label} ${formatNumber(v.value)} 场`).join(' · ')
  return `按场所：${parts}（含已取消）`
}
