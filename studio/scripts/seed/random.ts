/** Deterministic randomness and hashes: the same seed gives the same dataset, byte for byte. */
import { createHash } from 'node:crypto'

/** mulberry32: tiny, fast, good enough for sample data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One stream of random numbers for the whole run. Every draw moves it on, so the order in which
 * the generators draw is part of the output: reordering calls changes the dataset.
 */
export interface Random {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  shuffle: <T>(items: T[]) => T[]
  weightedPick: <T>(items: readonly T[], weight: (item: T) => number) => T
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[items[i], items[j]] = [items[j], items[i]]
      }
      return items
    },
    weightedPick(items, weight) {
      const total = items.reduce((sum, item) => sum + weight(item), 0)
      let r = next() * total
      for (const item of items) {
        r -= weight(item)
        if (r < 0) return item
      }
      return items[items.length - 1]
    },
  }
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')
/** Deterministic `_key` for array items: a short hash of where the item lives. */
export const key = (...parts: (string | number)[]): string => sha1(parts.join('|')).slice(0, 12)
export const hashInt = (text: string): number => parseInt(sha1(text).slice(0, 8), 16)

export const round5 = (n: number): number => Math.round(n * 1e5) / 1e5
