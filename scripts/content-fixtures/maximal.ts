/**
 * The "maximal" dataset's published documents: every field filled, in every shape the Studio can store —
 * images with crop/hotspot/alt/credit (PNG, JPEG, WebP), geopoints with altitude, UTC datetimes with
 * milliseconds, Portable Text with every style, list, decorator and link scheme and inline figures, weak
 * references, talks of every venue type and status with and without a tour, hand-typed slugs with capitals
 * and with Chinese. Workers are in maximal-workers.ts, talks, photos and tours in maximal-talks.ts;
 * unpublished and unknown documents are added by maximal-extras.ts.
 *
 * Every person is fictional (`fictional: true`, and 虚构 in the texts).
 */
import { cropAndHotspot, imageField } from './assets.ts'
import { key, ref, type Doc } from './ids.ts'
import { stored } from './model.ts'
import { FORMER_SLUGS, figureOf, MAXIMAL_IDS, SLUGS, slug, type MaximalAssets } from './maximal-shared.ts'
import { maximalPhotos, maximalTalks, maximalTours } from './maximal-talks.ts'
import { maximalFeedback } from './maximal-feedback.ts'
import { maximalTopics, maximalWorkers, richText } from './maximal-workers.ts'
import { maximalPairings } from './maximal-pairings.ts'
import { figure, paragraph } from './portable-text.ts'

export { MAXIMAL_IDS, SLUGS, TIMED_TALK, type MaximalAssets } from './maximal-shared.ts'

const CREATED = '2026-02-16T08:03:27Z'
const EDITED = '2026-05-31T12:45:09Z'

export function maximalPublished(a: MaximalAssets): Doc[] {
  const I = MAXIMAL_IDS
  const stories: Doc[] = [
    {
      _id: I.story1,
      _type: 'story',
      title: '劳模张红梅走进车间讲工匠精神',
      slug: slug(SLUGS.story1),
      formerSlugs: FORMER_SLUGS.story1,
      publishedAt: '2026-05-13T02:00:00.000Z',
      excerpt: '全国劳动模范张红梅（虚构人物）走进兰州某机械厂，与职工分享装配工艺革新经验。',
      mainImage: figureOf(a.storyMain, '张红梅与职工合影'),
      body: richText(`${I.story1}|body`, '张红梅', figureOf(a.storyFigure, '报告会现场')),
      relatedWorkers: [
        ref(I.zhang, { key: key(I.story1, 'worker', 0), weak: true }),
        ref(I.ma, { key: key(I.story1, 'worker', 1) }),
      ],
      author: '测试记者（虚构）',
    },
    {
      _id: I.story2,
      _type: 'story',
      title: '春季劳模宣讲回顾',
      slug: slug(SLUGS.story2),
      publishedAt: '2026-04-30T10:15:30.250Z',
      excerpt: '回顾春季各地劳模宣讲报告会。（测试数据）',
      // The same picture as main image and as the body's figure: the page shows it once.
      mainImage: figureOf(a.storyMain, '春季宣讲掠影'),
      body: [
        paragraph(`${I.story2}|body|1`, '春季，劳模们走进企业、校园和社区。（测试数据）'),
        figure(`${I.story2}|body|2`, figureOf(a.storyMain, '春季宣讲掠影')),
      ],
      relatedWorkers: [ref(I.li, { key: key(I.story2, 'worker', 0) })],
      author: '测试编辑（虚构）',
    },
  ]

  const settings: Doc = {
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: '陇原劳模宣讲（测试数据）',
    tagline: '劳模进企业、进校园、进社区（测试数据）',
    organisation: '某市总工会（虚构，测试用）',
    logo: imageField(a.logo, {
      ...cropAndHotspot([0, 0, 0.05, 0.05], [0.5, 0.5, 1, 1]),
      alt: '某市总工会标志（测试占位图）',
    }),
    icp: '陇ICP备00000000号-1',
    psb: '甘公网安备 00000000000000号',
    operator: '某市总工会宣传部（虚构，测试用）',
    siteCode: 'TEST000001',
    correctionEmail: 'jiucuo@example.org',
    bookingOffice: '劳模宣讲预约办公室（虚构）',
    bookingPhone: '0931-0000001',
    bookingEmail: 'yuyue@example.org',
    bookingNotes: '请至少提前两周预约。（测试数据）',
    mapProvider: 'tianditu-vec',
    mapKey: '00000000000000000000000000test',
    mapApproval: 'GS(2024)0650号',
  }

  const request: Doc = {
    _id: I.request,
    _type: 'talkRequest',
    status: 'scheduled',
    reference: 'YY-20260410-0007',
    receivedAt: '2026-04-10T03:12:45.123Z',
    school: '陇西县某中学（虚构预约学校）',
    contactName: '赵老师（虚构联系人）',
    phone: '13800000002',
    email: 'zhao.teacher@example.org',
    preferredWorkers: [ref(I.ma, { key: key(I.request, 'worker', 0), weak: true })],
    anyWorker: true,
    lectureTopic: ref(I.topicCraft, { weak: true }),
    topic: '劳动教育',
    preferredDates: [
      { _key: key(I.request, 'date', 0), _type: 'dateRange', end: '2026-04-24', start: '2026-04-20' },
      { _key: key(I.request, 'date', 1), _type: 'dateRange', end: '2026-05-08', start: '2026-05-06' },
    ],
    gradeBand: 'junior',
    audienceSize: 450,
    prefecture: '定西市',
    address: '陇西县测试路 1 号（虚构地址）',
    notes: '希望安排在下午（预约备注，不应公开）',
    consent: true,
    replyNote: '已安排在四月下旬，请提前一周确认场地。（给学校的说明，仅学校凭编号可见）',
    talk: ref(I.heldSchool, { weak: true }),
    history: [
      {
        _key: key(I.request, 'history', 0),
        _type: 'requestEvent',
        status: 'contacted',
        at: '2026-04-11T01:20:00.000Z',
      },
      {
        _key: key(I.request, 'history', 1),
        _type: 'requestEvent',
        status: 'scheduled',
        at: '2026-04-13T07:45:30.500Z',
        note: '电话确认后安排（处理记录，不应公开）',
      },
    ],
  }

  const docs = [
    settings,
    ...maximalWorkers(a),
    ...maximalTopics(),
    ...maximalTalks(),
    ...maximalPhotos(a),
    ...maximalTours(),
  ]
  return [...docs, ...stories, request, ...maximalFeedback(), ...maximalPairings()].map((d) =>
    stored(d, CREATED, EDITED),
  )
}
