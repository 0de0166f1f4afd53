import { describe, expect, it } from 'vitest'
import { dropClashingFormerSlugs } from './former-slugs'
import { normaliseStory, normaliseTour, normaliseWorker } from './normalise'

/** Generated slugs (seeded, logged on failure): capitals, Chinese and spaces as editors type them. */
function generator(seed: number) {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  const parts = ['zhang', 'Wang', '李', '红梅', 'ke ji', 'gansu', '2026']
  let n = 0
  return () => `${parts[next() % parts.length]}-${parts[next() % parts.length]}-${n++}`
}
const seed = Date.now() % 100_000
const slug = generator(seed)

/** Rows as the queries return them, one per type, with the given former slugs. */
const rows = (current: string, formerSlugs: unknown) => ({
  worker: normaliseWorker({ _id: 'worker-1', name: '甲', slug: current, formerSlugs } as any),
  story: normaliseStory({
    _id: 'story-1',
    title: '报道',
    slug: current,
    formerSlugs,
    publishedAt: '2026-01-01T00:00:00Z',
    excerpt: '摘要',
    body: [
      {
        _type: 'block',
        _key: 'b',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's', text: '正文', marks: [] }],
      },
    ],
  } as any),
  tour: normaliseTour({ _id: 'tour-1', title: '巡回', slug: current, formerSlugs } as any),
})

describe('former slugs in the normalisers', () => {
  it('keeps every valid former slug, in order, for workers, stories and tours', () => {
    const current = slug()
    const former = [slug(), slug(), slug()]
    for (const [type, { data, warnings }] of Object.entries(rows(current, former))) {
      expect(data?.formerSlugs, `${type} (seed ${seed})`).toEqual(former)
      expect(warnings, type).toEqual([])
    }
  })

  it('an absent field is no former slug, without a warning', () => {
    for (const { data, warnings } of Object.values(rows(slug(), null))) {
      expect(data?.formerSlugs).toEqual([])
      expect(warnings).toEqual([])
    }
  })

  it('drops junk with a warning naming the document and the field', () => {
    const current = slug()
    const good = slug()
    const junk = [42, null, '  ', current, good, good, 'a/b', '..']
    const { worker, story } = rows(current, junk)
    expect(worker.data?.formerSlugs, `seed ${seed}`).toEqual([good])
    expect(worker.warnings).toEqual([
      'modelWorker worker-1: field "formerSlugs[0]" is 42, not a former slug — ignored',
      'modelWorker worker-1: field "formerSlugs[1]" is null, not a former slug — ignored',
      'modelWorker worker-1: field "formerSlugs[2]" is "  ", not a former slug — ignored',
      `modelWorker worker-1: field "formerSlugs[3]" "${current}" is the current slug — ignored`,
      `modelWorker worker-1: field "formerSlugs[5]" "${good}" is listed twice — ignored`,
      'modelWorker worker-1: field "formerSlugs[6]" "a/b" cannot be a web address (no "/", "\\", control characters, "." or "..") — ignored',
      'modelWorker worker-1: field "formerSlugs[7]" ".." cannot be a web address (no "/", "\\", control characters, "." or "..") — ignored',
    ])
    expect(story.warnings.every((w) => w.startsWith('story story-1: field "formerSlugs['))).toBe(true)
    // A broken former slug never costs the document its page.
    expect(story.data?.slug).toBe(current)
  })
})

describe('dropClashingFormerSlugs (across a collection)', () => {
  /** n documents with generated slugs, each with two former ones. */
  const collection = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ _id: `doc-${i}`, slug: slug(), formerSlugs: [slug(), slug()] }))

  it('keeps former slugs nobody else uses', () => {
    const docs = collection(20)
    const before = docs.map((d) => [...d.formerSlugs])
    expect(dropClashingFormerSlugs('workers', docs)).toEqual([])
    expect(docs.map((d) => d.formerSlugs)).toEqual(before)
  })

  it('a former slug that is another document’s current slug is dropped: the live page wins', () => {
    const docs = collection(12)
    const [a, b] = [docs[3]!, docs[9]!]
    const taken = b.slug
    a.formerSlugs.push(taken)
    expect(dropClashingFormerSlugs('stories', docs)).toEqual([
      `stories ${a._id}: field "formerSlugs" "${taken}" is the current slug of ${b._id} — no redirect`,
    ])
    expect(a.formerSlugs).not.toContain(taken)
    expect(a.formerSlugs).toHaveLength(2)
  })

  it('between two documents with the same former slug, the first in order keeps it', () => {
    const docs = collection(15)
    const [first, second] = [docs[2]!, docs[11]!]
    const shared = first.formerSlugs[1]!
    second.formerSlugs.unshift(shared)
    expect(dropClashingFormerSlugs('tours', docs)).toEqual([
      `tours ${second._id}: field "formerSlugs" "${shared}" is already a former slug of ${first._id} — no redirect`,
    ])
    expect(first.formerSlugs).toContain(shared)
    expect(second.formerSlugs).not.toContain(shared)
  })
})
