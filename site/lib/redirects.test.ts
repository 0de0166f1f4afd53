import { describe, expect, it } from 'vitest'
import { storyPath, tourPath, workerFeedPath, workerPath } from '#domain/paths'
import { movedPaths, redirectMap, restParam } from './redirects'

const seed = Date.now() % 100_000
/** Generated content: n renamed documents with 0–2 former slugs each, slugs as editors type them. */
function content(n: number) {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  const word = () => ['zhang', 'Hong Mei', '张红梅', 'jiao-yu', '2026'][next() % 5]!
  let k = 0
  const doc = () => ({
    slug: `${word()}-${k++}`,
    formerSlugs: Array.from({ length: next() % 3 }, () => `${word()}-${k++}`),
  })
  return {
    workers: Array.from({ length: n }, (_, i) => ({ ...doc(), name: `劳模${i}` })),
    stories: Array.from({ length: n }, (_, i) => ({ ...doc(), title: `报道${i}` })),
    tours: Array.from({ length: n }, (_, i) => ({ ...doc(), title: `巡回${i}` })),
  }
}

describe('movedPaths / redirectMap', () => {
  it('gives every former slug its old page (and a worker’s old feed) pointing at the current one', () => {
    const c = content(30)
    const moved = movedPaths(c)
    const expected = [
      ...c.workers.flatMap((w) =>
        w.formerSlugs.flatMap((old) => [
          [workerPath(old), workerPath(w.slug), 'page'],
          [workerFeedPath(old), workerFeedPath(w.slug), 'feed'],
        ]),
      ),
      ...c.stories.flatMap((s) => s.formerSlugs.map((old) => [storyPath(old), storyPath(s.slug), 'page'])),
      ...c.tours.flatMap((t) => t.formerSlugs.map((old) => [tourPath(old), tourPath(t.slug), 'page'])),
    ]
    expect(
      moved.map((m) => [m.from, m.to, m.kind]),
      `seed ${seed}`,
    ).toEqual(expected)
    expect(moved.length).toBeGreaterThan(0)
  })

  it('writes the same map for the same content, whatever the order', () => {
    const c = content(20)
    const reversed = {
      workers: [...c.workers].reverse(),
      stories: [...c.stories].reverse(),
      tours: [...c.tours].reverse(),
    }
    expect(JSON.stringify(redirectMap(movedPaths(reversed)))).toBe(JSON.stringify(redirectMap(movedPaths(c))))
  })

  it('rest parameters decode to the path Astro writes the page under', () => {
    for (const m of movedPaths(content(10)).filter((m) => m.kind === 'page'))
      expect(`/${restParam(m.from)}/`.split('/').map(encodeURIComponent).join('/')).toBe(m.from)
  })
})
