import { describe, expect, it } from 'vitest'
import { GRADE_BANDS, LECTURE_THEMES } from '#domain/vocabulary'
import { stageCounts, stageTitles, tagOnlyTopics, topicMenu, type MenuTopic, type MenuWorker } from './topic-menu'

/** A small deterministic generator (mulberry32), so each seed gives another menu. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const STAGES = GRADE_BANDS.map((g) => g.value as string)
const THEMES = LECTURE_THEMES.map((t) => t.value as string)

function generate(seed: number) {
  const r = random(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => r() < p)
  const topics: MenuTopic[] = Array.from({ length: 1 + Math.floor(r() * 20) }, (_, i) => ({
    _id: `t${seed}-${i}`,
    title: `主题${String.fromCharCode(0x4e00 + Math.floor(r() * 500))}${i}`,
    theme: pick(THEMES),
    stages: some(STAGES, 0.4),
  }))
  const workers: MenuWorker[] = Array.from({ length: Math.floor(r() * 15) }, (_, i) => ({
    _id: `w${i}`,
    name: `劳模${String.fromCharCode(0x4e00 + Math.floor(r() * 500))}${i}`,
    slug: `w-${i}`,
    availableForSchools: r() < 0.7,
    talkTopics: some(['安全生产', '工匠精神', '劳动教育'], 0.5),
    lectureTopics: some(topics, 0.25).map((t) => ({ _id: t._id })),
    schoolStages: r() < 0.4 ? [] : some(STAGES, 0.5),
  }))
  return { topics, workers }
}

describe('topicMenu on generated menus', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34]) {
    it(`seed ${seed}: every stage's page holds exactly its topics, by theme, with the workers who offer them`, () => {
      const { topics, workers } = generate(seed)
      for (const stage of [undefined, ...STAGES]) {
        const menu = topicMenu(topics, workers, stage)
        const listed = menu.flatMap((g) => g.entries.map((e) => e.topic._id)).sort()
        const expected = topics.filter((t) => !stage || t.stages.includes(stage)).map((t) => t._id)
        expect(listed).toEqual(expected.sort())
        // Themes in the vocabulary's order, each once, none empty; topics in the theme they belong to.
        const order = menu.map((g) => THEMES.indexOf(g.theme))
        expect(order).toEqual([...order].sort((a, b) => a - b))
        for (const g of menu) {
          expect(g.entries.length).toBeGreaterThan(0)
          for (const e of g.entries) {
            expect(e.topic.theme).toBe(g.theme)
            const offering = workers.filter(
              (w) =>
                w.availableForSchools &&
                w.lectureTopics.some((t) => t._id === e.topic._id) &&
                (!stage || w.schoolStages.length === 0 || w.schoolStages.includes(stage)),
            )
            expect(e.workers.map((w) => w._id).sort()).toEqual(offering.map((w) => w._id).sort())
          }
        }
      }
      const counts = stageCounts(topics)
      for (const stage of STAGES)
        expect(counts.get(stage)).toBe(topicMenu(topics, workers, stage).flatMap((g) => g.entries).length)
    })
  }

  it('never lists a worker who is not available for schools, nor one who does not go to the stage', () => {
    const topic: MenuTopic = { _id: 't', title: '一颗螺丝钉', theme: 'craftsmanship', stages: ['primary', 'junior'] }
    const base = { talkTopics: [], lectureTopics: [{ _id: 't' }], slug: 's' }
    const workers: MenuWorker[] = [
      { ...base, _id: 'a', name: '甲', availableForSchools: false, schoolStages: [] },
      { ...base, _id: 'b', name: '乙', availableForSchools: true, schoolStages: ['junior'] },
      { ...base, _id: 'c', name: '丙', availableForSchools: true, schoolStages: [] },
    ]
    const ids = (stage?: string) => topicMenu([topic], workers, stage)[0]!.entries[0]!.workers.map((w) => w._id)
    expect(ids('primary')).toEqual(['c'])
    expect(ids('junior').sort()).toEqual(['b', 'c'])
    expect(ids()).toHaveLength(2)
    expect(topicMenu([topic], workers, 'university')).toEqual([])
  })
})

describe('tagOnlyTopics (content from before the menu)', () => {
  it('lists the tags of school workers who have no menu topic yet, and only theirs', () => {
    const { workers } = generate(99)
    const tags = tagOnlyTopics(workers)
    for (const { tag, workers: ws } of tags)
      for (const w of ws) {
        expect(w.availableForSchools && w.lectureTopics.length === 0).toBe(true)
        expect(w.talkTopics).toContain(tag)
      }
    const expected = new Set(
      workers.filter((w) => w.availableForSchools && w.lectureTopics.length === 0).flatMap((w) => w.talkTopics),
    )
    expect(new Set(tags.map((t) => t.tag))).toEqual(expected)
  })
})

it('stageTitles reads the stages in school order', () => {
  expect(stageTitles(['university', 'primary'])).toBe('小学、高校')
})
