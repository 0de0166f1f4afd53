/**
 * The "minimal" dataset: for every document type, documents holding only what the Studio requires before it
 * lets an editor publish — schema.json's non-optional fields, plus what custom rules demand (rules.ts), minus
 * required rules that are only warnings. Every optional field is absent: not null, not "". This is how a small
 * union's editors leave content when they fill in the red fields and press 发布.
 *
 * Everyone here is fictional and named so (（虚构）): minimal documents have no `fictional` flag to say it.
 */
import { imageAsset, imageField, type Asset } from './assets.ts'
import { key, ref, uuid, type Doc } from './ids.ts'
import { stored, type Dataset } from './model.ts'
import { paragraph } from './portable-text.ts'
import { CUSTOM_REQUIRED, WARNING_ONLY_REQUIRED } from './rules.ts'
import { loadSchema, requiredFields, type Schema } from './schema.ts'

const CREATED = '2026-03-02T01:15:42Z'
const EDITED = '2026-05-28T09:40:11Z'

const id = (name: string) => uuid(`minimal|${name}`)

/** The fields a minimal document of `type` must have: the Studio's own answer, from schema.json and rules.ts. */
export function minimalFields(schema: Schema, type: string): string[] {
  const warningOnly = new Set((WARNING_ONLY_REQUIRED[type] ?? []).map((r) => r.field))
  const required = requiredFields(schema, type).filter((f) => !warningOnly.has(f))
  return [...required, ...(CUSTOM_REQUIRED[type] ?? []).map((r) => r.field)]
}

/** Keeps exactly the fields `minimalFields` names (a guard against a value slipping in). */
function only(schema: Schema, doc: Doc): Doc {
  const fields = new Set(minimalFields(schema, doc._type))
  for (const name of Object.keys(doc))
    if (!name.startsWith('_') && !fields.has(name)) throw new Error(`minimal ${doc._type}: "${name}" is not required`)
  for (const name of fields)
    if (doc[name] === undefined) throw new Error(`minimal ${doc._type} ${doc._id}: required "${name}" missing`)
  return doc
}

export const MINIMAL_IDS = {
  workers: [id('worker-1'), id('worker-2'), id('worker-3')],
  talks: [id('talk-held'), id('talk-planned'), id('talk-cancelled'), id('talk-planned-2')],
  photos: [id('photo-1'), id('photo-2')],
  tour: id('tour'),
  story: id('story'),
  request: id('request'),
  feedback: `talkFeedback-${id('feedback').replace(/-/g, '')}`,
  topic: id('lecture-topic'),
  pairing: id('pairing'),
}

export async function minimalDataset(schema: Schema = loadSchema()): Promise<Dataset> {
  const assets: Asset[] = [
    await imageAsset({
      name: 'minimal-photo-1',
      format: 'jpg',
      width: 960,
      height: 640,
      colour: '#b5473a',
      uploadedAt: CREATED,
    }),
    await imageAsset({
      name: 'minimal-photo-2',
      format: 'png',
      width: 640,
      height: 480,
      colour: '#3a6fb5',
      uploadedAt: CREATED,
    }),
  ]
  const [w1, w2, w3] = MINIMAL_IDS.workers as [string, string, string]
  const [t1, t2, t3, t4] = MINIMAL_IDS.talks as [string, string, string, string]
  const worker = (_id: string, name: string, slug: string): Doc => ({
    _id,
    _type: 'modelWorker',
    name,
    slug: { _type: 'slug', current: slug },
  })
  // Times as the Studio's datetime input stores them: UTC, with milliseconds.
  const talk = (
    _id: string,
    title: string,
    startsAt: string,
    venueType: string,
    prefecture: string,
    status: string,
    speakers: string[],
  ): Doc => ({
    _id,
    _type: 'talk',
    title,
    startsAt,
    venueName: `${prefecture}某${venueType === 'school' ? '中学报告厅' : venueType === 'community' ? '社区服务中心' : '公司职工之家'}（虚构）`,
    venueType,
    prefecture,
    status,
    speakers: speakers.map((s, i) => ref(s, { key: key(_id, 'speaker', i) })),
  })
  const docs: Doc[] = [
    { _id: 'siteSettings', _type: 'siteSettings', title: '劳模宣讲测试站', organisation: '某县总工会（虚构）' },
    worker(w1, '马秀兰（虚构）', 'ma-xiulan'),
    worker(w2, '周志强（虚构）', 'zhou-zhiqiang'),
    worker(w3, '杨雪梅（虚构）', 'yang-xuemei'),
    talk(t1, '最简报告会：已举办的企业专场', '2026-04-08T02:00:00.000Z', 'enterprise', '兰州市', 'held', [w1]),
    talk(t2, '最简报告会：计划中的校园专场', '2026-06-15T01:30:00.000Z', 'school', '白银市', 'planned', [w1, w2]),
    talk(t3, '最简报告会：已取消的社区专场', '2026-06-20T06:00:00.000Z', 'community', '武威市', 'cancelled', [w3]),
    talk(t4, '最简报告会：七月企业专场', '2026-07-01T00:00:00.000Z', 'enterprise', '酒泉市', 'planned', [w2]),
    {
      _id: MINIMAL_IDS.photos[0]!,
      _type: 'photo',
      image: imageField(assets[0]!),
      caption: '最简图片一：报告会现场（占位图）',
      alt: '红色占位色块',
    },
    {
      _id: MINIMAL_IDS.photos[1]!,
      _type: 'photo',
      image: imageField(assets[1]!),
      caption: '最简图片二：劳模工作照（占位图）',
      alt: '蓝色占位色块',
    },
    {
      _id: MINIMAL_IDS.tour,
      _type: 'tour',
      title: '最简巡回宣讲',
      slug: { _type: 'slug', current: 'zuijian-xunhui-xuanjiang' },
    },
    {
      _id: MINIMAL_IDS.story,
      _type: 'story',
      title: '最简报道：劳模走进校园',
      slug: { _type: 'slug', current: 'zuijian-baodao' },
      publishedAt: '2026-05-20T02:00:00.000Z',
      excerpt: '一篇只填写了必填项的测试报道。',
      body: [paragraph(`${MINIMAL_IDS.story}|body`, '这是一篇只有必填内容的测试报道，人物均为虚构。')],
    },
    {
      _id: MINIMAL_IDS.topic,
      _type: 'lectureTopic',
      title: '最简点单主题（虚构）',
      theme: 'labour',
      stages: ['primary'],
    },
    {
      _id: MINIMAL_IDS.request,
      _type: 'talkRequest',
      status: 'new',
      school: '某县第一中学（虚构预约学校）',
      contactName: '钱老师（虚构联系人）',
      phone: '13900000001',
    },
    // Not approved (no value): counted nowhere.
    {
      _id: MINIMAL_IDS.feedback,
      _type: 'talkFeedback',
      talk: ref(MINIMAL_IDS.talks[0]!, { weak: true }),
      rating: 3,
      students: 1,
    },
    // Not ticked 在网站上显示 (absent): the site shows it nowhere.
    {
      _id: MINIMAL_IDS.pairing,
      _type: 'pairing',
      worker: ref(w2),
      school: '某县第二小学（虚构，最简结对）',
      prefecture: '白银市',
      since: '2025-03-01',
      activities: '每学期一次讲座（最简结对）',
    },
  ]
  return {
    name: 'minimal',
    documents: docs.map((d) => stored(only(schema, d), CREATED, EDITED)),
    assets,
    hidden: [
      { id: MINIMAL_IDS.request, text: '钱老师（虚构联系人）', why: 'talk requests are private' },
      { id: MINIMAL_IDS.request, text: '13900000001', why: 'talk requests are private' },
    ],
  }
}
