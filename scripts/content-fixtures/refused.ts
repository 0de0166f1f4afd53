/**
 * One document per public type that the Studio would refuse to publish (one required field missing), to add
 * to a copy of the minimal dataset: the site must name it (id and field) in the build log, give it no page,
 * and lose nothing else. They reuse minimal's workers, so nothing dangles.
 */
import { photoPath, talkPath, tourPath, storyPath } from '#domain/paths'
import { imageField, type Asset } from './assets.ts'
import { key, ref, uuid, type Doc } from './ids.ts'
import { MINIMAL_IDS } from './minimal.ts'
import { stored } from './model.ts'

export interface RefusedDoc {
  doc: Doc
  /** The required field left out. */
  missing: string
  /** The Studio's error for it (what `sanity documents validate` reports). */
  studioMessage: string
  /** Text of this document only: must not be on any page. */
  marker: string
  /** The page it would have had, if it has an address at all. */
  page?: string
}

const id = (name: string) => uuid(`refused|${name}`)
const AT = '2026-05-30T03:00:00Z'

export function refusedDocs(assets: Asset[]): RefusedDoc[] {
  const [w1] = MINIMAL_IDS.workers as [string]
  const talkId = id('talk')
  const photoId = id('photo')
  const list: RefusedDoc[] = [
    {
      doc: { _id: id('worker'), _type: 'modelWorker', name: '缺网址标识的劳模（虚构）' },
      missing: 'slug',
      studioMessage: '请生成网址标识',
      marker: '缺网址标识的劳模（虚构）',
    },
    {
      doc: {
        _id: talkId,
        _type: 'talk',
        title: '缺场地类型的报告会（应被拒绝）',
        startsAt: '2026-06-25T02:00:00.000Z',
        venueName: '某地礼堂（虚构）',
        prefecture: '平凉市',
        status: 'planned',
        speakers: [ref(w1, { key: key(talkId, 'speaker', 0) })],
      },
      missing: 'venueType',
      studioMessage: '请选择场地类型（企业 / 校园 / 社区）',
      marker: '缺场地类型的报告会（应被拒绝）',
      page: talkPath(talkId),
    },
    {
      doc: {
        _id: photoId,
        _type: 'photo',
        image: imageField(assets[0]!),
        caption: '缺替代文字的图片（应被拒绝）',
      },
      missing: 'alt',
      studioMessage: '请填写替代文字，供视障读者使用',
      marker: '缺替代文字的图片（应被拒绝）',
      page: photoPath(photoId),
    },
    {
      doc: { _id: id('tour'), _type: 'tour', slug: { _type: 'slug', current: 'que-mingcheng-de-xunhui' } },
      missing: 'title',
      studioMessage: '请填写巡回宣讲名称',
      marker: 'que-mingcheng-de-xunhui',
      page: tourPath('que-mingcheng-de-xunhui'),
    },
    {
      doc: {
        _id: id('story'),
        _type: 'story',
        title: '缺正文的报道（应被拒绝）',
        slug: { _type: 'slug', current: 'que-zhengwen-de-baodao' },
        publishedAt: '2026-05-29T02:00:00.000Z',
        excerpt: '这篇报道没有正文，Studio 不允许发布。',
      },
      missing: 'body',
      studioMessage: '请填写正文',
      marker: '缺正文的报道（应被拒绝）',
      page: storyPath('que-zhengwen-de-baodao'),
    },
  ]
  return list.map((r) => ({ ...r, doc: stored(r.doc, AT) }))
}
