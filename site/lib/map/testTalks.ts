/** Generated talks for the map's tests: varied, deterministic (a seed), never the sample's values. */
import type { TalkInput } from './data'

/** Deterministic pseudo-random numbers (mulberry32): generated data, the same on every run. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

export const PREFECTURES = ['兰州市', '天水市', '武威市', '酒泉市', '甘南藏族自治州']
export const TYPES = ['enterprise', 'school', 'community'] as const
export const STATUSES = ['planned', 'held', 'cancelled'] as const

/** `n` talks, newest first: some at one venue in a row, some without a location, speakers or tour. */
export function generateTalks(seed: number, n: number): TalkInput[] {
  const r = random(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const workers = Array.from({ length: 1 + Math.floor(r() * 40) }, (_, k) => ({
    slug: `w-${seed}-${k}`,
    name: `劳模${k}`,
  }))
  let time = Date.UTC(2027, 11, 31)
  let place = { lat: 32 + r() * 10, lng: 93 + r() * 14 }
  return Array.from({ length: n }, (_, i) => {
    time -= Math.floor(r() * 5e8)
    if (r() > 0.3) place = { lat: 32 + r() * 10, lng: 93 + r() * 14 }
    const speakers = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(workers)))]
    return {
      _id: `t-${seed}-${i}`,
      title: `报告会 ${i}`,
      startsAt: new Date(time).toISOString(),
      venueName: `场所 ${i}`,
      venueType: pick(TYPES),
      prefecture: pick(PREFECTURES),
      status: pick(STATUSES),
      ...(r() > 0.1 ? { location: { lat: place.lat + (r() - 0.5) * 0.01, lng: place.lng + (r() - 0.5) * 0.01 } } : {}),
      speakers,
      ...(r() > 0.5 ? { tour: { slug: `tour-${Math.floor(r() * 3)}`, title: '宣讲活动' } } : {}),
    }
  })
}
