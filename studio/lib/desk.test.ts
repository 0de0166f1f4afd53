import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import { DESK, allLists, talkPhotosList, workerTalksList, type DeskList } from './desk'
import { PREFECTURES } from '#domain/region'
import { HONOUR_LEVELS, REQUEST_STATUSES, VENUE_TYPES } from '#domain/vocabulary'

type Doc = Record<string, any> & { _id: string; _type: string }
const docs = loadDatasetFile(DEFAULT_DATASET).documents as Doc[]
const NOW = '2026-11-24T00:00:00Z'

async function ids(list: DeskList): Promise<string[]> {
  const tree = parse(`*[${list.filter}]._id`, { params: list.params })
  const result = await evaluate(tree, { dataset: docs, params: list.params, timestamp: new Date(NOW) })
  return ((await result.get()) as string[]).sort()
}
const where = (pred: (d: Doc) => boolean) =>
  docs
    .filter(pred)
    .map((d) => d._id)
    .sort()
const byId = (id: string) => allLists().find((l) => l.id === id)!

describe('desk structure', () => {
  it('has the sections editors asked for, in order, and settings as a single document', () => {
    expect(DESK.map((n) => n.title)).toEqual([
      '劳模',
      '报告会',
      '图片',
      '报道',
      '巡回宣讲',
      '宣讲主题（点单）',
      '预约申请',
      '报告会反馈',
      '结对',
      '站点设置',
    ])
    expect(DESK.at(-1)).toMatchObject({ kind: 'singleton', schemaType: 'siteSettings', documentId: 'siteSettings' })
  })

  it('gives every list a unique id and a filter that groq-js parses', () => {
    const lists = allLists()
    expect(new Set(lists.map((l) => l.id)).size).toBe(lists.length)
    for (const l of lists) expect(() => parse(`*[${l.filter}]`, { params: l.params })).not.toThrow()
  })

  it('lists workers by prefecture and by honour level', async () => {
    for (const p of PREFECTURES) {
      expect(await ids(byId(`workers-prefecture-${p.slug}`))).toEqual(
        where((d) => d._type === 'modelWorker' && d.prefecture === p.name),
      )
    }
    const counts = []
    for (const h of HONOUR_LEVELS) {
      const got = await ids(byId(`workers-honour-${h.value}`))
      expect(got).toEqual(
        where((d) => d._type === 'modelWorker' && (d.honours ?? []).some((x: any) => x.level === h.value)),
      )
      counts.push(got.length)
    }
    expect(counts.some((n) => n > 0)).toBe(true)
  })

  it('finds upcoming talks, talks by venue type and by prefecture', async () => {
    const upcoming = await ids(byId('talks-upcoming'))
    expect(upcoming).toEqual(where((d) => d._type === 'talk' && d.status === 'planned' && d.startsAt > NOW))
    expect(upcoming.length).toBeGreaterThan(0)
    for (const v of VENUE_TYPES) {
      expect(await ids(byId(`talks-venue-${v.value}`))).toEqual(
        where((d) => d._type === 'talk' && d.venueType === v.value),
      )
    }
    let total = 0
    for (const p of PREFECTURES) total += (await ids(byId(`talks-prefecture-${p.slug}`))).length
    expect(total).toBe(where((d) => d._type === 'talk').length)
  })

  it('finds talks missing a location, held talks without photos', async () => {
    expect(await ids(byId('talks-missing-location'))).toEqual(
      where((d) => d._type === 'talk' && (typeof d.location?.lat !== 'number' || typeof d.location?.lng !== 'number')),
    )
    expect(await ids(byId('talks-missing-photos'))).toEqual(
      where((d) => d._type === 'talk' && d.status === 'held' && !(d.photos?.length > 0)),
    )
  })

  it('finds photos missing caption/alt and photos of minors without consent', async () => {
    const broken: Doc[] = [
      { _id: 'p-no-caption', _type: 'photo', alt: 'a' },
      { _id: 'p-empty-alt', _type: 'photo', caption: 'c', alt: '' },
      { _id: 'p-minor', _type: 'photo', caption: 'c', alt: 'a', showsMinors: true },
      { _id: 'p-ok', _type: 'photo', caption: 'c', alt: 'a', showsMinors: true, minorsConsent: true },
    ]
    const run = async (l: DeskList) => {
      const r = await evaluate(parse(`*[${l.filter}]._id`), { dataset: [...docs, ...broken] })
      return ((await r.get()) as string[]).sort()
    }
    expect(await run(byId('photos-missing-caption'))).toEqual(
      [...where((d) => d._type === 'photo' && (!d.caption || !d.alt)), 'p-empty-alt', 'p-no-caption'].sort(),
    )
    expect(await run(byId('photos-missing-consent'))).toEqual(
      [...where((d) => d._type === 'photo' && d.showsMinors && !d.minorsConsent), 'p-minor'].sort(),
    )
  })

  it('puts new requests first and lists requests by status', async () => {
    const requests = DESK.find((n) => n.id === 'requests')!
    expect(requests.kind === 'group' && requests.children[0]!.id).toBe('requests-new')
    expect(await ids(byId('requests-new'))).toEqual(where((d) => d._type === 'talkRequest' && d.status === 'new'))
    let total = 0
    for (const s of REQUEST_STATUSES) total += (await ids(byId(`requests-status-${s.value}`))).length
    expect(total).toBe(where((d) => d._type === 'talkRequest').length)
  })

  it('splits feedback into what awaits review and what is public', async () => {
    const feedback = [
      { _id: 'f-new', _type: 'talkFeedback', approved: false },
      { _id: 'f-unset', _type: 'talkFeedback' },
      { _id: 'f-ok', _type: 'talkFeedback', approved: true },
      { _id: 'r-approved', _type: 'talkRequest', approved: true },
    ]
    const run = async (l: DeskList) =>
      ((await (await evaluate(parse(`*[${l.filter}]._id`), { dataset: feedback })).get()) as string[]).sort()
    expect(await run(byId('feedback-pending'))).toEqual(['f-new', 'f-unset'])
    expect(await run(byId('feedback-approved'))).toEqual(['f-ok'])
  })

  it('lists a worker’s talks and a talk’s photos, offering the prefilled templates', async () => {
    const talk = docs.find((d) => d._type === 'talk' && d.speakers?.length)!
    const worker = talk.speakers[0]._ref
    const talks = workerTalksList(worker)
    expect(talks.templates).toEqual(['talk-for-worker'])
    expect(await ids(talks)).toEqual(
      where((d) => d._type === 'talk' && (d.speakers ?? []).some((s: any) => s._ref === worker)),
    )
    const photo = docs.find((d) => d._type === 'photo' && d.talk?._ref)!
    const photos = talkPhotosList(photo.talk._ref)
    expect(photos.templates).toEqual(['photo-for-talk'])
    expect(await ids(photos)).toEqual(where((d) => d._type === 'photo' && d.talk?._ref === photo.talk._ref))
  })

  it('splits pairings into current, ended (after the last day in Beijing) and not shown, on generated pairings', async () => {
    // Ends around NOW (2026-11-24T00:00Z is 08:00 on the 24th in Beijing): the 23rd is over, the 24th is not.
    const untils = [undefined, '2026-11-22', '2026-11-23', '2026-11-24', '2027-07-01', '2019-01-31']
    const pairings: Doc[] = untils.flatMap((until, i) =>
      [true, false, undefined].map((showOnSite, j) => ({
        _id: `pairing-gen-${i}-${j}`,
        _type: 'pairing',
        since: '2018-09-01',
        ...(until ? { until } : {}),
        ...(showOnSite === undefined ? {} : { showOnSite }),
      })),
    )
    const run = async (l: DeskList) => {
      const r = await evaluate(parse(`*[${l.filter}]._id`), {
        dataset: [...docs, ...pairings],
        timestamp: new Date(NOW),
      })
      return ((await r.get()) as string[]).sort()
    }
    const all = [...docs, ...pairings].filter((d) => d._type === 'pairing')
    const ended = (d: Doc) => Boolean(d.until) && d.until <= '2026-11-23'
    const idsOf = (pred: (d: Doc) => boolean) =>
      all
        .filter(pred)
        .map((d) => d._id)
        .sort()
    expect(await run(byId('pairings-all'))).toEqual(idsOf(() => true))
    expect(await run(byId('pairings-ended'))).toEqual(idsOf(ended))
    expect(await run(byId('pairings-current'))).toEqual(idsOf((d) => !ended(d)))
    expect(await run(byId('pairings-hidden'))).toEqual(idsOf((d) => d.showOnSite !== true))
    expect((await run(byId('pairings-ended'))).length).toBeGreaterThan(0)
  })
})
