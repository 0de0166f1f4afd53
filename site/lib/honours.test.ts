import { describe, expect, it } from 'vitest'
import { HONOUR_LEVELS } from '#domain/vocabulary'
import { leadingHonours } from './honours'

const levels = [...HONOUR_LEVELS.map((l) => l.value), 'unknown', null]
const random = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: Math.random() < 0.1 ? null : `荣誉${i}`,
    level: levels[Math.floor(Math.random() * levels.length)],
    year: Math.random() < 0.2 ? null : 1980 + Math.floor(Math.random() * 45),
  }))

describe('leadingHonours', () => {
  it('names titled honours only, highest level first, then newest, at most `count`', () => {
    for (let round = 0; round < 200; round++) {
      const honours = random(Math.floor(Math.random() * 12))
      const count = 1 + Math.floor(Math.random() * 4)
      const picked = leadingHonours(honours, count)
      const titled = honours.filter((h) => h.title)
      expect(picked.length).toBe(Math.min(count, titled.length))
      const rank = (h: (typeof honours)[number]) => {
        const i = HONOUR_LEVELS.findIndex((l) => l.value === h.level)
        return i < 0 ? HONOUR_LEVELS.length : i
      }
      for (let i = 1; i < picked.length; i++) {
        const [a, b] = [picked[i - 1]!, picked[i]!]
        expect(rank(a)).toBeLessThanOrEqual(rank(b))
        if (rank(a) === rank(b)) expect(a.year ?? -Infinity).toBeGreaterThanOrEqual(b.year ?? -Infinity)
      }
      // Nothing left out outranks what was picked.
      const last = picked.at(-1)
      if (last)
        for (const h of titled.filter((h) => !picked.includes(h))) expect(rank(h)).toBeGreaterThanOrEqual(rank(last))
    }
  })

  it('keeps the editors’ order where level and year tie', () => {
    const same = [1, 2, 3].map((n) => ({ title: `称号${n}`, level: 'provincial', year: 2020 }))
    expect(leadingHonours(same, 3)).toEqual(same)
  })
})
