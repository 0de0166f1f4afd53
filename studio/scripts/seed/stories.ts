/**
 * Stories: the article restated (data/article.ts), and five sample reports written from the sample
 * talks, so their dates, places, speakers and figures agree with the talk pages.
 */
import type { VenueType } from '#domain/vocabulary'
import { ARTICLE_STORY } from './data/article.ts'
import { FICTION_NOTE, STORY_AUTHOR, type FixedStorySpec } from './data/stories.ts'
import { SHUANGLIAN, TOUR_BY_TYPE } from './data/tours.ts'
import { chinaDate, dayNumber, isoDay, zhDate } from './dates.ts'
import type { PhotoSpec } from './photos.ts'
import {
  captionedImageFields,
  portableText,
  refItem,
  type BodyItem,
  type CaptionedImage,
  type Json,
} from './portable-text.ts'
import { hasTalkPhoto, STORY_TALKS } from './story-talks.ts'
import type { Talk } from './talks.ts'
import { chineseNumber, names } from './text.ts'
import { workerId } from './workers.ts'

export interface StorySpec {
  id: string
  slug: string
  title: string
  publishedAt: string
  excerpt: string
  main: CaptionedImage
  body: BodyItem[]
  related: string[]
}

/** What the story builders look things up in. */
class Sources {
  readonly talks: Talk[]
  readonly held: Talk[]
  private readonly photos: PhotoSpec[]
  constructor(talks: Talk[], photos: PhotoSpec[]) {
    this.talks = talks
    this.held = talks.filter((t) => t.draft.status === 'held')
    this.photos = photos
  }
  image(id: string): CaptionedImage {
    const p = this.photos.find((x) => x.id === id)
    if (!p) throw new Error(`photo ${id} missing`)
    return { file: p.file, caption: p.caption, alt: p.alt }
  }
  /** A talk's first own photo (not the article's). */
  firstImageOf(t: Talk): CaptionedImage {
    return this.image(t.photoIds.find((p) => p.startsWith('photo-talk-'))!)
  }
  /** The first held talk with a photo that the story may be about. */
  talkFor(pred: (t: Talk) => boolean, what: string): Talk {
    const t = this.held.find((x) => pred(x) && hasTalkPhoto(x))
    if (!t) throw new Error(`no talk for story: ${what}`)
    return t
  }
}

function fixedStory(src: Sources, s: FixedStorySpec): StorySpec {
  const { mainPhoto, body, ...rest } = s
  return {
    ...rest,
    main: src.image(mainPhoto),
    body: body.map((item) => (typeof item === 'object' && 'photo' in item ? { image: src.image(item.photo) } : item)),
  }
}

/** 进校园: the tour's first school talk, and a later one with a photo. */
function schoolStory(src: Sources): StorySpec {
  const first = src.held.filter((t) => t.draft.tour === TOUR_BY_TYPE.school)[0]
  const talk = src.talkFor(STORY_TALKS.school, '进校园')
  const firstDay = zhDate(chinaDate(first.startsAt))
  const published = Math.max(dayNumber(chinaDate(first.startsAt)), dayNumber(chinaDate(talk.startsAt))) + 1
  return {
    id: 'story-xiaoyuan-shouchang',
    slug: 'jin-xiaoyuan-shouchang-baogaohui',
    title: '劳模精神进校园：把岗位上的故事讲给学生听',
    publishedAt: `${isoDay(published)}T08:00:00Z`,
    excerpt: `“劳模精神进校园”宣讲活动${firstDay}在${first.draft.venue.name}开讲，劳模们用亲身经历和同学们聊劳动、聊成长。`,
    main: src.firstImageOf(talk),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '第一课从一次失误讲起' },
      `${firstDay}，“劳模精神进校园”首场报告会在${first.draft.venue.name}举行，${names(first.draft.speakers)}走上讲台。没有讲稿，只有几张工作照和一个用了多年的工具包。`,
      '“我年轻时也出过错。”报告从一次失误讲起：怎样找原因、怎样补短板、怎样把同一件事做上一千遍还不走样。台下的同学们听得格外安静。',
      { image: src.firstImageOf(talk) },
      { style: 'h2', text: '劳动教育不只在课堂上' },
      `在${talk.draft.venue.name}，${talk.draft.speakers[0].name}围绕“${talk.topic}”和同学们交流。学校老师说，劳模讲的都是身边事，比课本上的道理更容易记住。`,
      '按照计划，宣讲团将陆续走进全省中小学、职业院校和高校，学校也可以通过本站的预约页面提出申请。',
    ],
    related: [...new Set([...first.draft.speakers, ...talk.draft.speakers].map(workerId))],
  }
}

/** 双联情 in 陇西: the tour's count, its 陇西 stops listed. */
function longxiStory(src: Sources): StorySpec {
  const tourTalks = src.talks.filter((t) => t.draft.tour === SHUANGLIAN)
  const longxiTalks = tourTalks.filter((t) => t.draft.venue.county === '陇西县')
  const talk = src.talkFor(STORY_TALKS.longxi, '陇西')
  const last = tourTalks[tourTalks.length - 1]
  return {
    id: 'story-shuanglianqing-longxi',
    slug: 'shuanglianqing-longxi',
    title: '“中国梦·双联情”报告会走进陇西',
    publishedAt: `${chinaDate(last.startsAt)}T09:00:00Z`,
    excerpt: `“中国梦·双联情”劳动模范报告会今年共举办${tourTalks.length}场，其中${longxiTalks.length}场在陇西县，走进社区、学校和企业。`,
    main: src.firstImageOf(talk),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: `${tourTalks.length}场报告会走进“双联”村镇` },
      `从${zhDate(chinaDate(tourTalks[0].startsAt))}到${zhDate(chinaDate(last.startsAt))}，报告团先后走进定西、天水、陇南、临夏、甘南、平凉、庆阳等地的村镇和基层单位。`,
      { style: 'h2', text: `陇西${chineseNumber(longxiTalks.length)}站` },
      ...longxiTalks.map((t) => ({
        bullet: `${zhDate(chinaDate(t.startsAt))}：${t.draft.venue.name}，宣讲劳模${names(t.draft.speakers)}。`,
      })),
      { image: src.firstImageOf(talk) },
      `在${talk.draft.venue.name}，${names(talk.draft.speakers)}围绕“${talk.topic}”作报告。报告结束后，不少听众留下来，继续向劳模请教。`,
    ],
    related: [...new Set(longxiTalks.flatMap((t) => t.draft.speakers).map(workerId))],
  }
}

/** 进企业. Its prose holds an HTML-like string on purpose: the site must render it as text. */
function enterpriseStory(src: Sources): StorySpec {
  const talk = src.talkFor(STORY_TALKS.enterprise, '进企业')
  const who = names(talk.draft.speakers)
  return {
    id: 'story-qiye-banzu-yitangke',
    slug: 'qiye-banzu-yitangke',
    title: '劳模工匠进企业：班组里的一堂课',
    publishedAt: `${chinaDate(talk.startsAt)}T10:00:00Z`,
    excerpt: `${who}来到${talk.draft.venue.name}，和一线职工聊安全、聊创新。`,
    main: src.firstImageOf(talk),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '一线的办法' },
      `${zhDate(chinaDate(talk.startsAt))}，${who}来到${talk.draft.venue.name}，围绕“${talk.topic}”和${talk.audienceSize}名职工交流。`,
      '报告没有空话：设备巡检怎么看、隐患怎么报、新人怎么带，都是一线的办法。',
      { style: 'h2', text: '称号不是标签' },
      '一位青年职工在留言本上写下“<b>不是标签</b>”几个字——他从手机上复制标语时，把网页里的格式代码也一起抄了下来。大家看了都笑了，劳模却说这句话说得对：劳模称号不是贴在墙上的标签，而是每天的活儿干得怎么样。',
      { image: src.firstImageOf(talk) },
      '企业工会表示，今后将把劳模进班组作为常态化活动，每季度至少安排一次。',
    ],
    related: talk.draft.speakers.map(workerId),
  }
}

/** 进社区. */
function communityStory(src: Sources): StorySpec {
  const talk = src.talkFor(STORY_TALKS.community, '进社区')
  const who = names(talk.draft.speakers)
  return {
    id: 'story-shequ-jiamenkou',
    slug: 'shequ-jiamenkou-ting-laomo',
    title: '劳模宣讲进社区：家门口听劳模讲故事',
    publishedAt: `${chinaDate(talk.startsAt)}T11:00:00Z`,
    excerpt: `${who}走进${talk.draft.venue.name}，和居民们面对面拉家常、讲故事。`,
    main: src.firstImageOf(talk),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '板凳一摆就开讲' },
      `${zhDate(chinaDate(talk.startsAt))}，${talk.draft.venue.name}里坐满了人。${who}没有用话筒，板凳一摆就和大家聊了起来。`,
      `“${talk.topic}”听起来是个大题目，劳模讲的却是自己岗位上的小事。不少居民带着孩子来，散场时还有人问下一场什么时候来。`,
      { image: src.firstImageOf(talk) },
      '社区工作人员说，今后会把劳模宣讲和新时代文明实践活动结合起来，定期请劳模到社区。',
    ],
    related: talk.draft.speakers.map(workerId),
  }
}

/** 五一 2026 round-up, its figures counted from the talks. */
function mayDayStory(src: Sources): StorySpec {
  const window = src.held.filter((t) => t.startsAt >= '2026-04-01' && t.startsAt < '2026-06-01')
  const heldSoFar = src.held.filter((t) => t.startsAt < '2026-05-08')
  const byType = (type: VenueType): number => heldSoFar.filter((t) => t.draft.venue.type === type).length
  const audience = heldSoFar.reduce((sum, t) => sum + (t.audienceSize ?? 0), 0)
  const talk = src.talkFor(STORY_TALKS.mayDay, '五一')
  return {
    id: 'story-2026-wuyi-laomo-xuanjiang',
    slug: '2026-wuyi-laomo-xuanjiang',
    title: '“五一”前后劳模宣讲综述',
    publishedAt: '2026-05-08T02:00:00Z',
    excerpt: `截至5月初，2025年以来示例数据中已举办报告会${heldSoFar.length}场，累计听众约${(audience / 10000).toFixed(1)}万人次。`,
    main: src.firstImageOf(talk),
    body: [
      FICTION_NOTE,
      { style: 'h2', text: '数字里的宣讲' },
      `2025年1月以来，示例数据中已举办报告会${heldSoFar.length}场，其中：`,
      { bullet: `进企业${byType('enterprise')}场；` },
      { bullet: `进校园${byType('school')}场；` },
      { bullet: `进社区${byType('community')}场。` },
      `4月至5月，全省共安排${window.length}场报告会，覆盖${new Set(window.map((t) => t.draft.venue.prefecture)).size}个市州。`,
      { style: 'h2', text: '下一步' },
      '下半年，宣讲团将继续走进企业班组、中小学和城乡社区，并在网站上公布每一场报告会的时间和地点。',
    ],
    related: [...new Set(window.flatMap((t) => t.draft.speakers).map(workerId))].sort().slice(0, 6),
  }
}

export function buildStories(talks: Talk[], photos: PhotoSpec[]): StorySpec[] {
  const src = new Sources(talks, photos)
  const builders = [schoolStory, longxiStory, enterpriseStory, communityStory, mayDayStory]
  return [fixedStory(src, ARTICLE_STORY), ...builders.map((build) => build(src))]
}

export function storyDoc(s: StorySpec): Json {
  return {
    _id: s.id,
    _type: 'story',
    title: s.title,
    slug: { _type: 'slug', current: s.slug },
    publishedAt: s.publishedAt,
    excerpt: s.excerpt,
    mainImage: { _type: 'captionedImage', ...captionedImageFields(s.main) },
    body: portableText(`${s.id}.body`, s.body),
    relatedWorkers: s.related.map((w) => refItem(`${s.id}.related`, w)),
    author: STORY_AUTHOR,
  }
}
