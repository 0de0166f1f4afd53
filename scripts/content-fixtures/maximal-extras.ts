/**
 * The maximal dataset as a whole: its assets, its published documents (maximal.ts), and everything else a
 * real dataset holds that the public site must never show — drafts of published documents with changed
 * text, a worker and a talk that exist only as drafts, release versions with the release's own system
 * document, a plugin's document of a type the site does not know, and an uploaded file and image nobody
 * references. Each carries text found nowhere else, listed in `hidden`, so a test can grep the output for it.
 */
import { fileAsset, imageAsset, type Asset } from './assets.ts'
import { draftId, rev, uuid, versionId, type Doc } from './ids.ts'
import { MAXIMAL_IDS, maximalPublished, type MaximalAssets } from './maximal.ts'
import { stored, type Dataset, type HiddenText } from './model.ts'

const UPLOADED = '2026-02-16T07:55:00Z'
const DRAFTED = '2026-05-31T15:20:00Z'

/** A release (Content Releases): its versions are `versions.<name>.<id>`, its system document `_.releases.<name>`. */
export const RELEASE = 'rJune2026'

async function makeAssets(): Promise<{ named: MaximalAssets; all: Asset[] }> {
  const image = (name: string, format: 'png' | 'jpg' | 'webp', width: number, height: number, colour: string) =>
    imageAsset({ name, format, width, height, colour, uploadedAt: UPLOADED })
  const named: MaximalAssets = {
    portraitZhang: await image('portrait-zhang', 'png', 600, 800, '#c0392b'),
    portraitMa: await image('portrait-ma', 'jpg', 480, 640, '#8e6c3a'),
    portraitLi: await image('portrait-li', 'webp', 600, 600, '#2e7d5b'),
    photo1: await image('photo-1', 'png', 1200, 800, '#d35400'),
    photo2: await image('photo-2', 'jpg', 1024, 768, '#2c3e50'),
    photo3: await image('photo-3', 'webp', 800, 600, '#16a085'),
    storyMain: await image('story-main', 'jpg', 1200, 675, '#7f8c8d'),
    storyFigure: await image('story-figure', 'png', 900, 600, '#8e44ad'),
    logo: await image('logo', 'png', 256, 256, '#b3151c'),
  }
  const unused = [
    // Uploaded in the Studio, then replaced: still an asset of the dataset, referenced by nothing.
    await image('unused-upload', 'png', 320, 240, '#95a5a6'),
    fileAsset('xuanjianggao-zhanwei', 'txt', 'text/plain', '宣讲稿占位文件（测试数据，虚构）\n', UPLOADED),
  ]
  return { named, all: [...Object.values(named), ...unused] }
}

export async function maximalDataset(): Promise<Dataset> {
  const { named, all } = await makeAssets()
  const published = maximalPublished(named)
  const byId = new Map(published.map((d) => [d._id, d]))
  const I = MAXIMAL_IDS
  const hidden: HiddenText[] = []
  const hide = (id: string, text: string, why: string) => hidden.push({ id, text, why })

  /** A copy of a published document under another id, with some fields changed (what a draft or version is). */
  const copy = (from: string, to: string, changes: Record<string, unknown>): Doc => {
    const doc = byId.get(from)!
    return { ...doc, ...changes, _id: to, _updatedAt: DRAFTED, _rev: rev(`${to}|${DRAFTED}`) }
  }

  const plannedSchool = byId.get(I.plannedSchool)!
  const drafts: Doc[] = [
    copy(I.zhang, draftId(I.zhang), { summary: '草稿里改写、尚未发布的劳模简介' }),
    // A speaker created from the reference field ("新建") while the talk was being edited: the Studio stores a
    // weak reference that it strengthens when the worker is published. It can only live in a draft: publishing
    // the talk is refused while the worker is unpublished (speakers are strong references; @sanity/validation
    // answers "reference-not-published" for them whatever the value's `_weak`).
    copy(I.plannedSchool, draftId(I.plannedSchool), {
      title: '（草稿）新增宣讲人后的校园专场',
      speakers: [
        ...(plannedSchool.speakers as unknown[]),
        {
          _key: 'c0ffee000001',
          _ref: I.draftOnlyWorker,
          _strengthenOnPublish: { type: 'modelWorker' },
          _type: 'reference',
          _weak: true,
        },
      ],
    }),
    copy(I.heldEnterprise, draftId(I.heldEnterprise), { title: '工匠精神进车间（草稿：尚未发布的新标题）' }),
    copy(I.story1, draftId(I.story1), { title: '草稿里改过的报道标题' }),
    copy('siteSettings', draftId('siteSettings'), { title: '草稿中的网站名称' }),
  ]
  hide(drafts[0]!._id, '草稿里改写、尚未发布的劳模简介', 'draft of a published worker')
  hide(drafts[1]!._id, '新增宣讲人后的校园专场', 'draft of a published talk')
  hide(drafts[2]!._id, '草稿：尚未发布的新标题', 'draft of a published talk')
  hide(drafts[3]!._id, '草稿里改过的报道标题', 'draft of a published story')
  hide(drafts[4]!._id, '草稿中的网站名称', 'draft of the site settings')

  const neverPublished: Doc[] = [
    stored(
      {
        _id: draftId(I.draftOnlyWorker),
        _type: 'modelWorker',
        name: '韩立新',
        slug: { _type: 'slug', current: 'han-lixin' },
        fictional: true,
        summary: '只存在于草稿中的劳模（虚构）',
      },
      DRAFTED,
    ),
    stored(
      {
        _id: draftId(uuid('maximal|talk-never-published')),
        _type: 'talk',
        title: '从未发布的报告会草稿',
        startsAt: '2026-08-01T02:00:00.000Z',
        venueName: '草稿中的场地（虚构）',
        venueType: 'school',
        prefecture: '白银市',
        status: 'planned',
        speakers: [{ _key: 'a1b2c3d4e5f6', _ref: I.zhang, _type: 'reference' }],
      },
      DRAFTED,
    ),
  ]
  const draftTopic = stored(
    {
      _id: draftId(I.draftOnlyTopic),
      _type: 'lectureTopic',
      title: '只在草稿中的点单主题',
      theme: 'safety',
      stages: ['senior'],
    },
    DRAFTED,
  )
  neverPublished.push(draftTopic)
  hide(draftTopic._id, '只在草稿中的点单主题', 'lecture topic that exists only as a draft')
  hide(neverPublished[0]!._id, '韩立新', 'worker that exists only as a draft (a draft talk refers to it)')
  hide(neverPublished[0]!._id, 'han-lixin', 'slug of the draft-only worker')
  hide(neverPublished[1]!._id, '从未发布的报告会草稿', 'talk never published')
  hide(neverPublished[1]!._id, '草稿中的场地（虚构）', 'talk never published')

  const versions: Doc[] = [
    copy(I.plannedSchool, versionId(RELEASE, I.plannedSchool), { title: '发布版本中改期后的校园报告会' }),
    copy(I.ma, versionId(RELEASE, I.ma), { summary: '发布版本里的新简介，尚未发布' }),
  ]
  hide(versions[0]!._id, '发布版本中改期后的校园报告会', 'release version of a published talk')
  hide(versions[1]!._id, '发布版本里的新简介', 'release version of a published worker')

  // What the release itself is stored as (export keeps `_.releases.*` when drafts are exported).
  const release = stored(
    {
      _id: `_.releases.${RELEASE}`,
      _type: 'system.release',
      metadata: {
        description: '六月上线的内容（测试）',
        intendedPublishAt: '2026-06-10T00:00:00.000Z',
        releaseType: 'scheduled',
        title: '六月内容发布（测试发布名）',
      },
      name: RELEASE,
      state: 'active',
      userId: 'p0000000000',
    },
    DRAFTED,
  )
  hide(release._id, '六月内容发布（测试发布名）', 'system document of a release')

  // A plugin's document (sanity-plugin-media's tags): a type the site knows nothing about.
  const tag = stored(
    {
      _id: uuid('maximal|media-tag'),
      _type: 'media.tag',
      name: { _type: 'slug', current: '未知类型的媒体标签' },
    },
    UPLOADED,
  )
  hide(tag._id, '未知类型的媒体标签', 'document of a type the site does not know')

  const request = byId.get(I.request)!
  for (const field of ['contactName', 'phone', 'email', 'address', 'notes', 'reference', 'school'])
    hide(I.request, String(request[field]), `talk requests are private (${field})`)
  for (const doc of published.filter((d) => d._type === 'talkFeedback')) {
    hide(doc._id, String(doc.comment), 'a school’s feedback comment is private, approved or not')
  }

  return {
    name: 'maximal',
    documents: [...published, ...drafts, ...neverPublished, ...versions, release, tag],
    assets: all,
    hidden,
  }
}

/**
 * Maximal with the draft talk's speakers published as they are: a published talk whose speaker reference
 * still waits for its worker's first publish. The Studio refuses to publish that (see above), but content
 * written through the API or an import can carry it; the site must show the talk without that speaker.
 */
export function withPendingReference(dataset: Dataset): Dataset {
  const draft = dataset.documents.find((d) => d._id === draftId(MAXIMAL_IDS.plannedSchool))!
  return {
    ...dataset,
    name: 'maximal-pending',
    documents: dataset.documents.map((d) =>
      d._id === MAXIMAL_IDS.plannedSchool ? { ...d, speakers: draft.speakers } : d,
    ),
  }
}
