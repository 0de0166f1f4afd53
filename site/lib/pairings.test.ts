import { describe, expect, it } from 'vitest'
import { PREFECTURE_NAMES } from '#domain/region'
import { currentPairingsByPrefecture, pairingMonth, pairingsOfWorker, type PairingLike } from './pairings'

/** Generated pairings around `today`: every phase, several workers and prefectures, shuffled. */
function generate(seed: number, today: string) {
  let s = seed
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
  return Array.from({ length: 60 }, (_, i): PairingLike & { phase: string } => {
    const phase = ['current', 'ended', 'upcoming', 'current-open'][i % 4]!
    const since = phase === 'upcoming' ? day(1 + Math.floor(rnd() * 300)) : day(-400 - Math.floor(rnd() * 2000))
    const until =
      phase === 'ended'
        ? day(-1 - Math.floor(rnd() * 300))
        : phase === 'current'
          ? day(Math.floor(rnd() * 300))
          : undefined
    return {
      _id: `p${seed}-${i}`,
      since,
      ...(until ? { until } : {}),
      prefecture: PREFECTURE_NAMES[Math.floor(rnd() * PREFECTURE_NAMES.length)]!,
      school: `学校${Math.floor(rnd() * 1000)}`,
      worker: { _id: `w${i % 5}` },
      phase: phase === 'current-open' ? 'current' : phase,
    }
  }).sort(() => rnd() - 0.5)
}

describe('pairings the site shows', () => {
  for (const [seed, today] of [
    [1, '2026-06-01'],
    [2, '2025-01-31'],
    [3, '2027-12-31'],
  ] as const)
    it(`splits a worker's pairings into current and ended, newest first (seed ${seed}, ${today})`, () => {
      const all = generate(seed, today)
      for (const w of ['w0', 'w1', 'w2', 'w3', 'w4']) {
        const { current, ended } = pairingsOfWorker(all, w, today)
        const want = (phase: string) =>
          all
            .filter((p) => p.worker._id === w && p.phase === phase)
            .map((p) => p._id)
            .sort()
        expect(current.map((p) => p._id).sort()).toEqual(want('current'))
        expect(ended.map((p) => p._id).sort()).toEqual(want('ended'))
        for (const list of [current, ended])
          for (let i = 1; i < list.length; i++) expect(list[i - 1]!.since >= list[i]!.since).toBe(true)
      }
      // Upcoming pairings are nowhere yet.
      const grouped = currentPairingsByPrefecture(all, today)
      const shown = grouped.flatMap((g) => g.pairings.map((p) => p._id)).sort()
      expect(shown).toEqual(
        all
          .filter((p) => p.phase === 'current')
          .map((p) => p._id)
          .sort(),
      )
      // One group per prefecture, in the region's order, each holding only its own.
      const order = grouped.map((g) => PREFECTURE_NAMES.indexOf(g.prefecture))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      for (const g of grouped) for (const p of g.pairings) expect(p.prefecture).toBe(g.prefecture)
    })

  it('counts the last day as current and the first day too', () => {
    const p = {
      _id: 'x',
      since: '2026-06-01',
      until: '2026-06-30',
      prefecture: '兰州市',
      school: 'A',
      worker: { _id: 'w' },
    }
    for (const today of ['2026-06-01', '2026-06-30']) expect(pairingsOfWorker([p], 'w', today).current).toHaveLength(1)
    expect(pairingsOfWorker([p], 'w', '2026-07-01').ended).toHaveLength(1)
    expect(pairingsOfWorker([p], 'w', '2026-05-31')).toEqual({ current: [], ended: [] })
  })

  it('writes the month a pairing began', () => {
    expect(pairingMonth('2024-09-01')).toBe('2024 年 9 月')
  })
})
