/**
 * The maximal dataset's model workers: portraits cropped and uncropped (PNG, JPEG, WebP), every honour field,
 * biographies using everything blockContent allows, slugs typed with capitals and with Chinese.
 */
import { cropAndHotspot, imageField } from './assets.ts'
import { key, ref, type Doc } from './ids.ts'
import { FORMER_SLUGS, figureOf, MAXIMAL_IDS, SLUGS, slug, type MaximalAssets } from './maximal-shared.ts'
import { block, figure, paragraph, type BlockOptions, type Run } from './portable-text.ts'

/** A biography using everything blockContent allows. */
export function richText(scope: string, who: string, figureImage: Record<string, unknown>) {
  const b = (n: number, runs: Run[], options?: BlockOptions) => block(`${scope}|${n}`, runs, options)
  return [
    b(1, ['成长经历'], { style: 'h2' }),
    b(2, [
      `${who}（虚构人物）从学徒做起，`,
      { text: '二十年如一日', marks: ['strong'] },
      '钻研技术，',
      { text: '把每一道工序做到极致', marks: ['em'] },
      '。详见',
      { text: '示例报道', href: 'https://example.org/laomo/baodao' },
      '与',
      { text: '旧版网页', href: 'http://example.org/laomo/jiuban', marks: ['strong', 'em'] },
      '。',
    ]),
    b(3, ['技术革新'], { style: 'h3' }),
    b(4, ['改进装配夹具，', { text: '效率提高三成', marks: ['strong'] }], { listItem: 'bullet' }),
    b(5, ['带徒弟十二名'], { listItem: 'bullet' }),
    b(6, ['其中三人成为技师'], { listItem: 'bullet', level: 2 }),
    b(7, ['第一步：查找问题'], { listItem: 'number' }),
    b(8, ['第二步：', { text: '小组攻关', href: 'https://example.org/laomo/gongguan' }], { listItem: 'number' }),
    b(9, ['分工到人'], { listItem: 'number', level: 2 }),
    b(10, ['“干一行，爱一行，钻一行。”'], { style: 'blockquote' }),
    figure(`${scope}|11`, figureImage),
    b(12, [
      '联系宣讲办公室：',
      { text: '发送邮件', href: 'mailto:xuanjiang@example.org' },
      '，或',
      { text: '拨打电话', href: 'tel:+86-931-0000000' },
      '。',
    ]),
  ]
}

export function maximalWorkers(a: MaximalAssets): Doc[] {
  const I = MAXIMAL_IDS
  const honours = (scope: string, list: [string, string, number, string][]) =>
    list.map(([title, level, year, awardingBody], i) => ({
      _key: key(scope, 'honour', i),
      _type: 'honour',
      awardingBody,
      level,
      title,
      year,
    }))
  return [
    {
      _id: I.zhang,
      _type: 'modelWorker',
      name: '张红梅',
      slug: slug(SLUGS.zhang),
      formerSlugs: FORMER_SLUGS.zhang,
      portrait: imageField(a.portraitZhang, {
        ...cropAndHotspot([0.1, 0.1, 0.05, 0.05], [0.5, 0.35, 0.4, 0.3]),
        alt: '张红梅在装配车间检查零件（占位图）',
        credit: '测试占位图（程序生成）',
      }),
      fictional: true,
      honours: honours(I.zhang, [
        ['全国劳动模范', 'national', 2020, '中共中央、国务院'],
        ['甘肃省劳动模范', 'provincial', 2015, '甘肃省人民政府'],
        ['兰州市五一劳动奖章', 'city', 2012, '兰州市总工会'],
        ['全国机械行业技术能手', 'industry', 2010, '中国机械工业联合会'],
      ]),
      employer: '兰州某机械制造有限公司（虚构）',
      post: '装配钳工、班组长',
      sector: 'manufacturing',
      prefecture: '兰州市',
      summary: '扎根装配一线二十年的女钳工，带出一支技术过硬的班组。（虚构人物）',
      bio: richText(`${I.zhang}|bio`, '张红梅', figureOf(a.photo1, '张红梅在班组讲解工艺')),
      source: '《测试日报》2026年5月报道（虚构来源）',
      talkTopics: ['工匠精神', '安全生产', '劳动教育'],
      lectureTopics: [
        ref(I.topicCraft, { key: key(I.zhang, 'lectureTopic', 0) }),
        ref(I.topicRural, { key: key(I.zhang, 'lectureTopic', 1), weak: true }),
      ],
      schoolStages: ['junior', 'senior', 'vocational'],
      availableForSchools: true,
    },
    {
      _id: I.ma,
      _type: 'modelWorker',
      name: '马建国',
      slug: slug(SLUGS.ma),
      // Never cropped in the Studio: no crop or hotspot stored.
      portrait: imageField(a.portraitMa, { alt: '马建国在马铃薯育种大棚里（占位图）', credit: '测试占位图' }),
      fictional: true,
      honours: honours(I.ma, [['甘肃省劳动模范', 'provincial', 2019, '甘肃省人民政府']]),
      employer: '定西某马铃薯种业合作社（虚构）',
      post: '理事长',
      sector: 'agriculture',
      prefecture: '定西市',
      summary: '带领乡亲种出脱毒马铃薯的农民技术员。（虚构人物）',
      bio: [
        paragraph(`${I.ma}|bio|1`, '马建国（虚构人物）三十年扎根田间，推广脱毒种薯。'),
        block(`${I.ma}|bio|2`, ['建成育种大棚'], { listItem: 'bullet' }),
      ],
      source: '测试资料（虚构）',
      // Free tags only, no menu topic: content from before the 点单 menu (listed under 更多主题).
      talkTopics: ['乡村振兴', '劳动教育'],
      availableForSchools: true,
    },
    {
      _id: I.li,
      _type: 'modelWorker',
      name: '李淑珍',
      slug: slug(SLUGS.li),
      portrait: imageField(a.portraitLi, {
        ...cropAndHotspot([0, 0, 0.1, 0.1], [0.5, 0.5, 0.8, 0.8]),
        alt: '李淑珍在卫生院为牧民看诊（占位图）',
        credit: '测试占位图',
      }),
      fictional: true,
      honours: honours(I.li, [['合作市劳动模范', 'city', 2021, '合作市人民政府']]),
      employer: '合作市某乡卫生院（虚构）',
      post: '全科医生',
      sector: 'health',
      prefecture: '甘南藏族自治州',
      summary: '在高原牧区行医十五年的乡村医生。（虚构人物）',
      bio: [paragraph(`${I.li}|bio|1`, '李淑珍（虚构人物）骑马巡诊，走遍全乡牧场。')],
      source: '测试资料（虚构）',
      talkTopics: ['医者仁心'],
      // Offers a menu topic but does not go to schools: the menu must not list her.
      lectureTopics: [ref(I.topicCraft, { key: key(I.li, 'lectureTopic', 0) })],
      availableForSchools: false,
    },
  ]
}

/** The 点单 menu's topics: one with every field, one with the stages and theme only besides its title. */
export function maximalTopics(): Doc[] {
  const I = MAXIMAL_IDS
  return [
    {
      _id: I.topicCraft,
      _type: 'lectureTopic',
      title: '把一件事做到极致（测试主题）',
      theme: 'craftsmanship',
      stages: ['junior', 'senior', 'vocational'],
      description: '从一道工序讲精益求精。（测试数据，虚构）',
      durationMinutes: 45,
      format: 'classroom',
    },
    {
      _id: I.topicRural,
      _type: 'lectureTopic',
      title: '田野上的课堂（测试主题）',
      theme: 'rural',
      stages: ['primary'],
    },
  ]
}
