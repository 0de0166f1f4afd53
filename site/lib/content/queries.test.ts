/** The real queries against the bundled sample dataset, through the real GROQ engine. */
import { describe, expect, it } from 'vitest'
import { PREFECTURE_NAMES, findPrefecture } from '#domain/region'
import { isInRegionOutline } from '#domain/region/contains'
import { getContentSource } from './executors'
import { normaliseTalk, normaliseWorker } from './normalise'
import { PHOTOS_QUERY, SETTINGS_QUERY, STORIES_QUERY, TALKS_QUERY, TOURS_QUERY, WORKERS_QUERY } from './queries'

type Row = Record<string, any> & { _id: string }
const source = await getContentSource({})

const ARTICLE_CAPTIONS = [
  '全国劳模、嘉峪关钢铁三中教师闫桂珍在给小学生做辅导',
  '全国劳模新志强深入省总工会“双联村”指导果树栽培技术',
  '兰州石化公司基层班组长正在进行劳模评选投票',
  '甘肃省总工会“中国梦·双联情”劳动模范陇西报告会会场',
  '甘肃省总召开学习贯彻《中央关于加强和改进党的群团工作的意见》调研座谈会',
  '镇原县总工会联合县人社局对农民工进行了家政服务项目的培训，并对合格者颁发技能证书',
]

describe('bundled sample dataset', () => {
  it('is the sample, read from studio/seed', () => {
    expect(source.kind).toBe('dataset')
    expect(source.isSample).toBe(true)
    expect(source.label).toBe('studio/seed/data.ndjson')
    expect(source.warnings).toEqual([])
  })

  it('holds exactly 213 talks, split over enterprises, schools and communities', async () => {
    const counts = await source.fetch<Record<string, number>>(`{
      "talks": count(*[_type == "talk"]),
      "enterprise": count(*[_type == "talk" && venueType == "enterprise"]),
      "school": count(*[_type == "talk" && venueType == "school"]),
      "community": count(*[_type == "talk" && venueType == "community"])
    }`)
    expect(counts.talks).toBe(213)
    expect(counts.enterprise! + counts.school! + counts.community!).toBe(213)
    for (const type of ['enterprise', 'school', 'community']) expect(counts[type]).toBeGreaterThan(30)
  })

  it('places every talk inside Gansu, in a real county of its prefecture', async () => {
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    for (const talk of talks) {
      expect(talk.location, talk._id).toBeTruthy()
      expect(isInRegionOutline(talk.location.lat, talk.location.lng), talk._id).toBe(true)
      const prefecture = findPrefecture(talk.prefecture)
      expect(prefecture, talk._id).toBeDefined()
      expect(
        prefecture!.counties.map((c) => c.name),
        talk._id,
      ).toContain(talk.county)
      // Within ~0.3° of its county seat: a point in the wrong county would be far off.
      const seat = prefecture!.counties.find((c) => c.name === talk.county)!
      expect(Math.abs(seat.lat - talk.location.lat) + Math.abs(seat.lng - talk.location.lng), talk._id).toBeLessThan(
        0.3,
      )
    }
  })

  it('spreads talks over all 14 prefectures, Lanzhou heaviest, Longxi present', async () => {
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    const perPrefecture = PREFECTURE_NAMES.map((prefecture) => ({
      prefecture,
      n: talks.filter((t) => t.prefecture === prefecture).length,
    }))
    expect(perPrefecture.reduce((sum, p) => sum + p.n, 0)).toBe(213)
    for (const p of perPrefecture) expect(p.n, p.prefecture).toBeGreaterThan(0)
    const max = Math.max(...perPrefecture.map((p) => p.n))
    expect(perPrefecture.find((p) => p.prefecture === '兰州市')!.n).toBe(max)
    expect(talks.filter((t) => t.county === '陇西县').length).toBeGreaterThan(2)
  })

  it('has held talks in the past and planned talks running into late 2027', async () => {
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    const held = talks.filter((t) => t.status === 'held')
    const planned = talks.filter((t) => t.status === 'planned')
    expect(held.length).toBeGreaterThan(100)
    expect(planned.length).toBeGreaterThan(20)
    expect(held.every((t) => t.startsAt < '2026-11-24')).toBe(true)
    expect(planned.every((t) => t.startsAt > '2026-11-24')).toBe(true)
    expect(planned.some((t) => t.startsAt >= '2027-10-01')).toBe(true)
    expect(held.every((t) => typeof t.audienceSize === 'number')).toBe(true)
  })

  it('resolves every reference: no talk loses a speaker, tour or photo', async () => {
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    for (const row of talks) expect(normaliseTalk(row).warnings, row._id).toEqual([])
    const workers = await source.fetch<Row[]>(WORKERS_QUERY)
    for (const row of workers) expect(normaliseWorker(row).warnings, row._id).toEqual([])
  })

  it('has at least 24 model workers; only the two named in the article are real', async () => {
    const workers = await source.fetch<Row[]>(WORKERS_QUERY)
    const speakers = new Set(
      (await source.fetch<Row[]>(TALKS_QUERY)).flatMap((t) => (t.speakers ?? []).map((s: Row) => s.ref)),
    )
    expect(workers.length).toBeGreaterThanOrEqual(24)
    const real = workers.filter((w) => !w.fictional)
    expect(real.map((w) => w.name).sort()).toEqual(['新志强', '闫桂珍'].sort())
    for (const person of real) {
      expect(person.honours).toEqual([{ title: '全国劳动模范', level: 'national', year: null, awardingBody: null }])
      expect(person.source).toMatch(/凝聚起建设幸福美好新甘肃的磅礴力量/)
      expect(speakers.has(person._id), person.name).toBe(false)
    }
    expect(real.find((w) => w.name === '闫桂珍')).toMatchObject({ employer: '嘉峪关钢铁三中', post: '教师' })
    const slugs = workers.map((w) => w.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
  })

  it('has at least 30 captioned placeholder photos, including every caption in the article', async () => {
    const photos = await source.fetch<Row[]>(PHOTOS_QUERY)
    expect(photos.length).toBeGreaterThanOrEqual(30)
    for (const caption of ARTICLE_CAPTIONS) expect(photos.map((p) => p.caption)).toContain(caption)
    for (const photo of photos) {
      expect(photo.placeholder, photo._id).toBe(true)
      expect(photo.alt, photo._id).toBeTruthy()
      expect(photo.image.src, photo._id).toMatch(/^\.\/images\//)
    }
  })

  it('has the 双联情 tour with a stop in 陇西, other tours, stories and settings', async () => {
    const tours = await source.fetch<Row[]>(TOURS_QUERY)
    expect(tours.length).toBeGreaterThanOrEqual(4)
    const shuanglian = tours.find((t) => t.title.includes('中国梦·双联情'))
    expect(shuanglian).toBeDefined()
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    expect(talks.some((t) => t.tour?.ref === shuanglian!._id && t.county === '陇西县')).toBe(true)
    expect((await source.fetch<Row[]>(STORIES_QUERY)).length).toBeGreaterThanOrEqual(5)
    const settings = await source.fetch<Row>(SETTINGS_QUERY, { settingsId: 'siteSettings' })
    expect(settings.title).toBe('劳模宣讲')
    expect(await source.fetch<number>('count(*[_type == "talkRequest"])')).toBeGreaterThanOrEqual(3)
  })
})
