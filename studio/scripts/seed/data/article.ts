/**
 * What the source article states, and nothing more. The two real people it names (闫桂珍, 新志强)
 * appear only with the facts of its photo captions; its photos are replaced by placeholders that
 * say so; the story restating it cites it.
 */
import type { HonourLevel, Sector } from '#domain/vocabulary'
import type { FixedStorySpec } from './stories.ts'

export const SOURCE_ARTICLE = '《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》（康劲 冯继波 王小虎）'

export interface RealWorkerSpec {
  name: string
  slug: string
  honour: { title: string; level: HonourLevel }
  employer?: string
  post?: string
  sector?: Sector
  prefecture?: string
  summary: string
  bio: string[]
}

export const REAL_WORKERS: RealWorkerSpec[] = [
  {
    name: '闫桂珍',
    slug: 'yan-guizhen',
    honour: { title: '全国劳动模范', level: 'national' },
    employer: '嘉峪关钢铁三中',
    post: '教师',
    sector: 'education',
    prefecture: '嘉峪关市',
    summary: '全国劳模，嘉峪关钢铁三中教师。报道配图记录了她给小学生做辅导的情景。',
    bio: [
      '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文的图片说明，闫桂珍是全国劳模、嘉峪关钢铁三中教师；配图拍摄的是她在给小学生做辅导。',
      '该文没有介绍她的更多事迹。本站仅转述上述图片说明，暂无其他资料。',
    ],
  },
  {
    name: '新志强',
    slug: 'xin-zhiqiang',
    honour: { title: '全国劳动模范', level: 'national' },
    summary: '全国劳模。报道配图记录了他深入省总工会“双联村”指导果树栽培技术的情景。',
    bio: [
      '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文的图片说明：全国劳模新志强深入省总工会“双联村”指导果树栽培技术。',
      '该文没有介绍他的工作单位和更多事迹。本站仅转述上述图片说明，暂无其他资料。',
    ],
  },
]

export interface ArticlePhotoSpec {
  id: string
  /** The article's caption, verbatim. */
  caption: string
  /** What the original photo showed, for the placeholder's alt text. */
  shows: string
  prefecture?: string
  place?: string
  people?: string[]
  /** Taken at the 陇西 report meeting (the talk with `articlePhoto`). */
  atArticleTalk?: boolean
  showsMinors?: boolean
}

export const ARTICLE_PHOTOS: ArticlePhotoSpec[] = [
  {
    id: 'photo-article-01',
    caption: '全国劳模、嘉峪关钢铁三中教师闫桂珍在给小学生做辅导',
    shows: '教师给小学生做辅导',
    prefecture: '嘉峪关市',
    people: ['worker-yan-guizhen'],
    showsMinors: true,
  },
  {
    id: 'photo-article-02',
    caption: '全国劳模新志强深入省总工会“双联村”指导果树栽培技术',
    shows: '劳模在村里指导果树栽培',
    people: ['worker-xin-zhiqiang'],
  },
  {
    id: 'photo-article-03',
    caption: '兰州石化公司基层班组长正在进行劳模评选投票',
    shows: '班组长投票评选劳模',
    prefecture: '兰州市',
  },
  {
    id: 'photo-article-04',
    caption: '甘肃省总工会“中国梦·双联情”劳动模范陇西报告会会场',
    shows: '报告会会场',
    prefecture: '定西市',
    place: '陇西县',
    atArticleTalk: true,
  },
  {
    id: 'photo-article-05',
    caption: '甘肃省总召开学习贯彻《中央关于加强和改进党的群团工作的意见》调研座谈会',
    shows: '调研座谈会',
  },
  {
    id: 'photo-article-06',
    caption: '镇原县总工会联合县人社局对农民工进行了家政服务项目的培训，并对合格者颁发技能证书',
    shows: '农民工家政服务培训',
    prefecture: '庆阳市',
    place: '镇原县',
  },
]

/** The story restating the article: its figures and captions only. */
export const ARTICLE_STORY: FixedStorySpec = {
  id: 'story-gansu-gonghui-213-chang-baogaohui',
  slug: 'gansu-gonghui-213-chang-baogaohui',
  title: '劳模进企业、进校园、进社区举办报告会213场（次）',
  publishedAt: '2025-04-28T02:00:00Z',
  excerpt:
    '据《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》报道，甘肃工会组织劳模进企业、进校园、进社区举办报告会213场（次），让数十万聆听者备受教育和鼓舞。',
  mainPhoto: 'photo-article-04',
  body: [
    `本文摘编自${SOURCE_ARTICLE}，以下内容均据该文转述。本站其余报告会场次和人物为演示用示例数据。`,
    { style: 'h2', text: '213场报告会' },
    '文章介绍，劳模进企业、进校园、进社区举办报告会213场（次），让数十万聆听者备受教育和鼓舞。',
    '各级工会按照省总工会统一部署，积极做好劳模的推荐、评选、表彰工作，举办“五一”庆祝和主题宣传活动，宣传劳模先进事迹，扩大劳模影响，在社会上唱响了“劳动光荣、劳模伟大”的时代强音。',
    { photo: 'photo-article-04' },
    { style: 'h2', text: '报道中的劳模' },
    '文章配发的图片记录了两位全国劳模：',
    { bullet: '全国劳模、嘉峪关钢铁三中教师闫桂珍在给小学生做辅导。' },
    { bullet: '全国劳模新志强深入省总工会“双联村”指导果树栽培技术。' },
    { photo: 'photo-article-01' },
    { photo: 'photo-article-02' },
    { style: 'h2', text: '“十大行动”' },
    '文章还提到，甘肃省总工会确立了精准扶贫、思想引领、建功立业、素质提升、陇原工匠、劳模引领、职工创新、劳模创新、班组创新、健康幸福“十大行动”。',
    '说明：本页配图均为程序生成的示例占位图，并非原报道照片。',
  ],
  related: ['worker-yan-guizhen', 'worker-xin-zhiqiang'],
}
