/**
 * A 结对 (a model worker's long-term pairing with a school) in time, shared by the Studio (validation, desk
 * previews) and the site (which pairings it shows): dates are calendar dates (YYYY-MM-DD) in China, so
 * they compare as text.
 */

type RuleResult = true | string

/** 结束日期 must come after 开始日期: a pairing that ends the day it starts is a single visit, not a pairing. */
export function untilAfterSince(since: string | undefined, until: string | undefined): RuleResult {
  if (!since || !until) return true
  return until > since ? true : '结对结束日期应晚于开始日期'
}

/** A start date more than a year ahead of `today` is almost always a typing slip (2205 for 2025). */
export function sinceNotFarAhead(since: string | undefined, today: string): RuleResult {
  if (!since) return true
  const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
  return since <= limit ? true : '开始日期在一年以后，请核对年份'
}

export type PairingPhase = 'upcoming' | 'current' | 'ended'

/** Where a pairing stands on `today`: it runs from `since` through `until`, both days included. */
export function pairingPhase(p: { since?: string | null; until?: string | null }, today: string): PairingPhase {
  if (p.since && p.since > today) return 'upcoming'
  if (p.until && p.until < today) return 'ended'
  return 'current'
}
