/** Model-worker documents: the article's two real people, and the fictional ones with placeholder portraits. */
import { REAL_WORKERS, SOURCE_ARTICLE, type RealWorkerSpec } from './data/article.ts'
import { PLACEHOLDER_CREDIT } from './data/site.ts'
import { FICTIONAL_WORKERS, type WorkerSpec } from './data/workers.ts'
import { assertIn, prefecture } from './guards.ts'
import type { ImageRegistry } from './images.ts'
import { asset, portableText, type Json } from './portable-text.ts'
import { key } from './random.ts'
import { workerMenuFields } from './topics.ts'

export const workerId = (w: { slug: string }): string => `worker-${w.slug}`

/** A real person: only what the article states, no portrait, cited, not offered for school talks. */
function realWorkerDoc(w: RealWorkerSpec): Json {
  const id = workerId(w)
  return {
    _id: id,
    _type: 'modelWorker',
    name: w.name,
    slug: { _type: 'slug', current: w.slug },
    fictional: false,
    honours: [{ _type: 'honour', _key: key(id, 'honour', 0), ...w.honour }],
    ...(w.employer ? { employer: w.employer } : {}),
    ...(w.post ? { post: w.post } : {}),
    ...(w.sector ? { sector: assertIn('sector', w.sector) } : {}),
    ...(w.prefecture ? { prefecture: prefecture(w.prefecture).name } : {}),
    summary: w.summary,
    bio: portableText(`${id}.bio`, w.bio),
    source: SOURCE_ARTICLE,
    availableForSchools: false,
  }
}

/** The paragraph on how a fictional worker talks, by whether they go to schools. */
function talkParagraph(w: WorkerSpec): string {
  const ta = w.she ? '她' : '他'
  const topicList = w.topics.map((t) => `“${t}”`).join('')
  return w.schools
    ? `作为劳模宣讲团成员，${ta}常以${topicList}为题走进企业、校园和社区。面对学生，${ta}喜欢从自己年轻时的一次失误讲起，讲怎样把一件平常的工作做到极致。`
    : `作为劳模宣讲团成员，${ta}常以${topicList}为题走进企业车间和社区，用身边的事例和职工群众交流。`
}

/** A fictional worker: marked `fictional`, said so in the bio, a placeholder portrait. */
function fictionalWorkerDoc(images: ImageRegistry, w: WorkerSpec): Json {
  const id = workerId(w)
  const portraitFile = images.register(`portrait-${w.slug}.jpg`, 'portrait', w.name)
  return {
    _id: id,
    _type: 'modelWorker',
    name: w.name,
    slug: { _type: 'slug', current: w.slug },
    portrait: {
      _type: 'image',
      _sanityAsset: asset(portraitFile),
      alt: `示例占位图：${w.name}的肖像位置，灰色人形剪影，并非本人照片`,
      credit: PLACEHOLDER_CREDIT,
    },
    fictional: true,
    honours: w.honours.map((h, i) => ({
      _type: 'honour',
      _key: key(id, 'honour', i),
      title: h.title,
      level: assertIn('honourLevel', h.level),
      year: h.year,
      awardingBody: h.by,
    })),
    employer: w.employer,
    post: w.post,
    sector: assertIn('sector', w.sector),
    prefecture: prefecture(w.prefecture).name,
    summary: w.summary,
    bio: portableText(`${id}.bio`, ['（本人物为虚构示例，用于演示。）', ...w.story, talkParagraph(w)]),
    talkTopics: w.topics,
    ...workerMenuFields(id, w.topics),
    availableForSchools: w.schools,
  }
}

export function workerDocs(images: ImageRegistry): Json[] {
  return [...REAL_WORKERS.map(realWorkerDoc), ...FICTIONAL_WORKERS.map((w) => fictionalWorkerDoc(images, w))]
}
