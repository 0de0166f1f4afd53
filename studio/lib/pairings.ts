/**
 * Rules and preview text of a 结对 (a model worker's long-term pairing with a school), free of Studio
 * imports so they are unit-tested. Dates are calendar dates (YYYY-MM-DD), compared as text.
 */
import { beijingDate } from './templates'

type RuleResult = true | string

/** 结束日期 must come after 开始日期: a pairing that ends the day it starts is a single visit, not a pairing. */
export function untilAfterSince(since: string | undefined, until: string | undefined): RuleResult {
  if (!since || !until) return true
  return until > since ? true : '结对结束日期应晚于开始日期'
}

/** A start date more than a year ahead is almost always a typing slip (2205 for 2025). */
export function sinceNotFarAhead(since: string | undefined, today: string = beijingDate(new Date().toISOString())!) {
  if (!since) return true
  const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
  return since <= limit ? true : '开始日期在一年以后，请核对年份'
}

export type PairingPhase = 'upcoming' | 'current' | 'ended'

/** Where a pairing stands on `today`: it runs from `since` through `until` (inclusive). */
export function pairingPhase(p: { since?: string | null; until?: string | null }, today: string): PairingPhase {
  if (p.since && p.since > today) return 'upcoming'
  if (p.until && p.until < today) return 'ended'
  return 'current'
}

/** Preview subtitle: since–until · prefecture county · what editors must know (not public, ended). */
export function pairingSubtitle(p: {
  since?: string
  until?: string
  prefecture?: string
  county?: string
  showOnSite?: boolean
}) {
  const today = beijingDate(new Date().toISOString())!
  const period = p.since ? `${p.since} 起${p.until ? ` 至 ${p.until}` : ''}` : '未填写开始日期'
  return [
    period,
    [p.prefecture, p.county].filter(Boolean).join(''),
    pairingPhase(p, today) === 'ended' ? '已结束' : '',
    p.showOnSite ? '' : '不在网站显示',
  ]
    .filter(Boolean)
    .join(' · ')
}
