/**
 * The maximal dataset's talks, photos and tours: every venue type and status (held, planned in the future and
 * past, cancelled in the future and past), with and without a tour, weak references, UTC times with
 * milliseconds, geopoints with altitude; photos cropped and not, of minors with consent.
 */
import { cropAndHotspot, imageField } from './assets.ts'
import { key, ref, type Doc } from './ids.ts'
import { FORMER_SLUGS, MAXIMAL_IDS, point, SLUGS, slug, TIMED_TALK, type MaximalAssets } from './maximal-shared.ts'

export function maximalTalks(): Doc[] {
  const I = MAXIMAL_IDS
  const speaker = (talk: string, worker: string, i: number, weak = false) =>
    ref(worker, { key: key(talk, 'speaker', i), weak })
  return [
    {
      _id: I.heldEnterprise,
      _type: 'talk',
      title: '工匠精神进车间——兰州某机械厂专场报告会',
      startsAt: TIMED_TALK.startsAt,
      endsAt: '2026-05-12T03:00:00.000Z',
      venueName: '兰州某机械制造有限公司职工活动中心（虚构）',
      venueType: 'enterprise',
      location: point('兰州市', '城关区', 0.004, -0.003, 1520.4),
      prefecture: '兰州市',
      county: '城关区',
      speakers: [speaker(I.heldEnterprise, I.zhang, 0)],
      tour: ref(I.tour1),
      status: 'held',
      audienceSize: 180,
      summary: '张红梅结合装配工艺，讲述班组攻关的故事。（测试数据）',
      photos: [ref(I.photo1, { key: key(I.heldEnterprise, 'photo', 0) })],
    },
    {
      _id: I.plannedSchool,
      _type: 'talk',
      title: '劳模精神进校园——定西某中学专场',
      startsAt: '2026-06-18T06:00:00.000Z',
      endsAt: '2026-06-18T07:30:00.000Z',
      venueName: '定西某中学报告厅（虚构）',
      venueType: 'school',
      location: point('定西市', '安定区', -0.002, 0.005, 1900),
      prefecture: '定西市',
      county: '安定区',
      // The draft of this talk adds a speaker who exists only as a draft (maximal-extras.ts).
      speakers: [speaker(I.plannedSchool, I.zhang, 0, true)],
      tour: ref(I.tour1, { weak: true }),
      status: 'planned',
      audienceSize: 600,
      summary: '面向初中学生的劳动教育报告会。（测试数据）',
      photos: [],
    },
    {
      _id: I.cancelledCommunity,
      _type: 'talk',
      title: '劳模进社区——麦积区某社区宣讲',
      startsAt: '2026-07-02T02:00:00.000Z',
      endsAt: '2026-07-02T03:30:00.000Z',
      venueName: '麦积区某社区服务中心（虚构）',
      venueType: 'community',
      location: point('天水市', '麦积区', 0.003, 0.002, 1080),
      prefecture: '天水市',
      county: '麦积区',
      speakers: [speaker(I.cancelledCommunity, I.ma, 0)],
      status: 'cancelled',
      audienceSize: 80,
      summary: '因场地维修取消。（测试数据）',
    },
    {
      _id: I.heldSchool,
      _type: 'talk',
      title: '劳动教育第一课——陇西县某中学',
      startsAt: '2026-04-20T07:00:00.000Z',
      endsAt: '2026-04-20T08:30:00.000Z',
      venueName: '陇西县某中学礼堂（虚构）',
      venueType: 'school',
      location: point('定西市', '陇西县', 0.002, 0.001, 1710),
      prefecture: '定西市',
      county: '陇西县',
      speakers: [speaker(I.heldSchool, I.ma, 0), speaker(I.heldSchool, I.li, 1)],
      status: 'held',
      audienceSize: 450,
      summary: '两位劳模与学生座谈。（测试数据）',
      photos: [ref(I.photo3, { key: key(I.heldSchool, 'photo', 0), weak: true })],
      // Made from a booking request (安排报告会): a weak, read-only link back to it.
      sourceRequest: ref(I.request, { weak: true }),
    },
    {
      _id: I.plannedEnterprise,
      _type: 'talk',
      title: '高原医者——合作市卫生系统报告会',
      startsAt: '2026-09-10T00:30:00.000Z',
      endsAt: '2026-09-10T02:00:00.000Z',
      venueName: '合作市某医院会议室（虚构）',
      venueType: 'enterprise',
      location: point('甘南藏族自治州', '合作市', 0.001, -0.002, 2930),
      prefecture: '甘南藏族自治州',
      county: '合作市',
      speakers: [speaker(I.plannedEnterprise, I.li, 0)],
      tour: ref(I.tour2),
      status: 'planned',
      audienceSize: 120,
      summary: '医务职工专场。（测试数据）',
    },
    {
      _id: I.cancelledPast,
      _type: 'talk',
      title: '敦煌某小学劳模故事会（已取消）',
      startsAt: '2026-03-05T02:00:00.000Z',
      endsAt: '2026-03-05T03:00:00.000Z',
      venueName: '敦煌某小学多功能厅（虚构）',
      venueType: 'school',
      location: point('酒泉市', '敦煌市', 0.002, 0.002, 1140),
      prefecture: '酒泉市',
      county: '敦煌市',
      speakers: [speaker(I.cancelledPast, I.zhang, 0)],
      tour: ref(I.tour1),
      status: 'cancelled',
      summary: '因疫情防控要求取消。（测试数据）',
    },
    {
      // Still "planned" after its date: nobody marked it held yet (common in real content).
      _id: I.plannedPast,
      _type: 'talk',
      title: '甘州区某社区劳模宣讲',
      startsAt: '2026-05-25T02:00:00.000Z',
      venueName: '甘州区某社区活动室（虚构）',
      venueType: 'community',
      location: point('张掖市', '甘州区', -0.001, 0.003, 1480),
      prefecture: '张掖市',
      county: '甘州区',
      speakers: [speaker(I.plannedPast, I.ma, 0)],
      status: 'planned',
    },
  ]
}

export function maximalPhotos(a: MaximalAssets): Doc[] {
  const I = MAXIMAL_IDS
  return [
    {
      _id: I.photo1,
      _type: 'photo',
      image: imageField(a.photo1, cropAndHotspot([0, 0.2, 0, 0], [0.4, 0.45, 0.5, 0.6])),
      caption: '张红梅在报告会上演示装配工艺（占位图）',
      alt: '一名女工手持零件向台下职工讲解',
      credit: '测试占位图（程序生成）',
      takenAt: '2026-05-12',
      place: '职工活动中心',
      prefecture: '兰州市',
      people: [ref(I.zhang, { key: key(I.photo1, 'person', 0), weak: true })],
      talk: ref(I.heldEnterprise),
      showsMinors: true,
      minorsConsent: true,
      placeholder: true,
    },
    {
      _id: I.photo2,
      _type: 'photo',
      image: imageField(a.photo2),
      caption: '马建国和李淑珍在陇西县某中学与学生座谈（占位图）',
      alt: '两位劳模坐在讲台前，台下学生举手提问',
      credit: '测试占位图',
      takenAt: '2026-04-20',
      place: '学校礼堂',
      prefecture: '定西市',
      people: [ref(I.ma, { key: key(I.photo2, 'person', 0) }), ref(I.li, { key: key(I.photo2, 'person', 1) })],
      talk: ref(I.heldSchool, { weak: true }),
      showsMinors: false,
      // Hidden in the Studio while showsMinors is off, but a value set earlier stays stored.
      minorsConsent: false,
      placeholder: true,
    },
    {
      _id: I.photo3,
      _type: 'photo',
      image: imageField(a.photo3, cropAndHotspot([0.2, 0, 0, 0], [0.5, 0.6, 0.3, 0.3])),
      caption: '李淑珍在高原牧场巡诊（占位图）',
      alt: '医生背着药箱走在草原上',
      credit: '测试占位图',
      takenAt: '2025-08-03',
      place: '碌曲县某牧场',
      prefecture: '甘南藏族自治州',
      people: [ref(I.li, { key: key(I.photo3, 'person', 0) })],
      showsMinors: false,
      placeholder: true,
    },
  ]
}

export function maximalTours(): Doc[] {
  const I = MAXIMAL_IDS
  return [
    {
      _id: I.tour1,
      _type: 'tour',
      title: '陇原劳模宣讲2026（测试）',
      slug: slug(SLUGS.tour1),
      formerSlugs: FORMER_SLUGS.tour1,
      description: '2026 年全省劳模宣讲活动。（测试数据）',
      period: { _type: 'dateRange', end: '2026-12-31', start: '2026-03-01' },
      organiser: '某市总工会（虚构）',
    },
    {
      _id: I.tour2,
      _type: 'tour',
      title: '劳模工匠进企业（测试）',
      slug: slug(SLUGS.tour2),
      description: '劳模工匠走进企业。（测试数据）',
      // Open-ended: only a start date.
      period: { _type: 'dateRange', start: '2026-09-01' },
      organiser: '某行业工会（虚构）',
    },
  ]
}
