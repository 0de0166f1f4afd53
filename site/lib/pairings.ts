/**
 * Which pairings (结对) the site shows and how they are grouped, as plain functions (pages read them through
 * site.ts). Only pairings the editors marked 在网站上显示 reach the build (PAIRINGS_QUERY); of those, a
 * profile lists the current ones and marks the ended ones 已结束, /schools/ lists only the current ones by
 * prefecture; one that has not started yet shows nowhere until it does (decided on the build's China date,
 * as upcoming talks are).
 */
import { pairingPhase } from '#domain/pairing'
import { PREFECTURE_NAMES } from '#domain/region'

export interface PairingLike {
  _id: string
  since: string
  until?: string
  prefecture: string
  school: string
  worker: { _id: string }
}

/** Newest first, then by school, so the order does not depend on the dataset's. */
const bySince = <P extends PairingLike>(a: P, b: P) =>
  b.since.localeCompare(a.since) || a.school.localeCompare(b.school, 'zh-CN') || a._id.localeCompare(b._id)

/** A worker's profile: current pairings, then ended ones (to mark 已结束). */
export function pairingsOfWorker<P extends PairingLike>(all: readonly P[], workerId: string, today: string) {
  const mine = all.filter((p) => p.worker._id === workerId).sort(bySince)
  return {
    current: mine.filter((p) => pairingPhase(p, today) === 'current'),
    ended: mine.filter((p) => pairingPhase(p, today) === 'ended'),
  }
}

/** /schools/: current pairings by the school's prefecture, prefectures in the region's order. */
export function currentPairingsByPrefecture<P extends PairingLike>(all: readonly P[], today: string) {
  const current = all.filter((p) => pairingPhase(p, today) === 'current').sort(bySince)
  const order = (name: string) => {
    const i = PREFECTURE_NAMES.indexOf(name)
    return i < 0 ? PREFECTURE_NAMES.length : i
  }
  const names = [...new Set(current.map((p) => p.prefecture))].sort((a, b) => order(a) - order(b))
  return names.map((prefecture) => ({ prefecture, pairings: current.filter((p) => p.prefecture === prefecture) }))
}

/** "2024 年 9 月": how long a pairing has run, to the month. */
export function pairingMonth(date: string): string {
  const [y, m] = date.split('-')
  return `${y} 年 ${Number(m)} 月`
}
