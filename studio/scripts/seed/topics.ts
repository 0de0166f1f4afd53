/**
 * The sample's 点单 menu: a handful of lecture topics (plainly sample content), and which of them the
 * fictional workers give. A fictional worker's menu topics are those of the themes among their old topic
 * tags (the migration from free tags); their stages are the union of those topics' stages. The article's
 * real people get none: it does not say what they talk about.
 */
import { GRADE_BANDS, LECTURE_FORMATS, LECTURE_THEMES } from '#domain/vocabulary'
import type { Json } from './portable-text.ts'
import { key } from './random.ts'

type Stage = (typeof GRADE_BANDS)[number]['value']
type Theme = (typeof LECTURE_THEMES)[number]['value']
type Format = (typeof LECTURE_FORMATS)[number]['value']

interface TopicSpec {
  slug: string
  title: string
  theme: Theme
  stages: Stage[]
  description: string
  minutes?: number
  format?: Format
}

const SAMPLE = '（示例主题）'

export const TOPICS: TopicSpec[] = [
  {
    slug: 'labour-life',
    title: '劳动创造美好生活',
    theme: 'labour',
    stages: ['primary', 'junior'],
    description: '从整理书包、打扫教室讲到工厂和田间的劳动，让孩子知道每一份便利背后都有人在劳动。',
    minutes: 40,
    format: 'classroom',
  },
  {
    slug: 'labour-seed',
    title: '从种下一粒种子开始',
    theme: 'labour',
    stages: ['primary'],
    description: '带一把种子进课堂，讲播种、等待和收获，适合低年级的互动课。',
    minutes: 60,
    format: 'workshop',
  },
  {
    slug: 'craft-best',
    title: '把一件事做到极致',
    theme: 'craftsmanship',
    stages: ['junior', 'senior', 'vocational'],
    description: '一道工序反复练上千遍是什么感觉？讲精益求精怎样从习惯变成本事。',
    minutes: 60,
    format: 'assembly',
  },
  {
    slug: 'craft-skills',
    title: '技能成才，匠心筑梦',
    theme: 'craftsmanship',
    stages: ['vocational', 'university'],
    description: '从学徒到技术能手的成长路径，职业院校学生关心的考证、竞赛和岗位选择。',
    minutes: 90,
    format: 'assembly',
  },
  {
    slug: 'safety-daily',
    title: '安全生产每一天',
    theme: 'safety',
    stages: ['junior', 'senior', 'vocational'],
    description: '用真实岗位上的险情讲规章为什么这样定，以及身边的安全习惯。',
    minutes: 60,
    format: 'assembly',
  },
  {
    slug: 'innovation-small',
    title: '一线岗位上的小发明',
    theme: 'innovation',
    stages: ['junior', 'senior', 'university'],
    description: '一个工具改进省下多少工时？讲发现问题、动手改进和申请专利的过程。',
    minutes: 90,
    format: 'workshop',
  },
  {
    slug: 'dedication-post',
    title: '平凡岗位，不平凡的坚守',
    theme: 'dedication',
    stages: ['senior', 'vocational', 'university'],
    description: '几十年守在一个岗位上，靠的是什么？讲责任、坚持和职业尊严。',
    minutes: 60,
    format: 'assembly',
  },
  {
    slug: 'rural-youth',
    title: '把青春写在田野上',
    theme: 'rural',
    stages: ['senior', 'university'],
    description: '合作社、电商和新技术怎样改变一个村，年轻人在乡村能做什么。',
    minutes: 60,
    format: 'assembly',
  },
  {
    slug: 'green-factory',
    title: '绿色工厂是怎样炼成的',
    theme: 'green',
    stages: ['junior', 'senior'],
    description: '节能降耗、循环利用，从一座工厂的变化看绿色发展。',
  },
  {
    slug: 'career-road',
    title: '我的职业我的路',
    theme: 'career',
    stages: ['senior', 'vocational'],
    description: '选专业、找岗位、换赛道：一位劳模的职业选择和给中学生的建议。',
    minutes: 45,
    format: 'classroom',
  },
]

export const topicId = (t: { slug: string }): string => `lectureTopic-${t.slug}`

export function topicDocs(): Json[] {
  return TOPICS.map((t) => ({
    _id: topicId(t),
    _type: 'lectureTopic',
    title: t.title,
    theme: t.theme,
    stages: t.stages,
    description: t.description + SAMPLE,
    ...(t.minutes ? { durationMinutes: t.minutes } : {}),
    ...(t.format ? { format: t.format } : {}),
  }))
}

/** A fictional worker's menu topics and stages, from their topic tags (see above). */
export function workerMenuFields(workerDocId: string, tags: readonly string[]): Json {
  const themes = new Set<string>(LECTURE_THEMES.filter((th) => tags.includes(th.title)).map((th) => th.value))
  const topics = TOPICS.filter((t) => themes.has(t.theme))
  if (!topics.length) return {}
  const stages = GRADE_BANDS.map((g) => g.value).filter((s) => topics.some((t) => t.stages.includes(s)))
  return {
    lectureTopics: topics.map((t, i) => ({
      _type: 'reference',
      _ref: topicId(t),
      _key: key(workerDocId, 'lectureTopic', i),
    })),
    schoolStages: stages,
  }
}

/**
 * A sample request that names no worker and asks for a theme (as the old form's topic did) becomes a
 * request from the menu: that theme's first topic, with any available worker.
 */
export function requestMenuFields(topic: string, namesWorkers: boolean): Json {
  const theme = LECTURE_THEMES.find((th) => th.title === topic)?.value
  const menuTopic = !namesWorkers && theme ? TOPICS.find((t) => t.theme === theme) : undefined
  return {
    anyWorker: !namesWorkers,
    ...(menuTopic ? { lectureTopic: { _type: 'reference', _ref: topicId(menuTopic), _weak: true } } : {}),
    topic: menuTopic?.title ?? topic,
  }
}
