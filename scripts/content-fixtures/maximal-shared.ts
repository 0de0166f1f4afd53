/**
 * What the maximal dataset's modules share: its document ids, the hand-typed slugs, the talk whose time the
 * site must show right, and small builders for the shapes the Studio stores (slug, geopoint, figure).
 */
import { PREFECTURES } from '#domain/region'
import { cropAndHotspot, imageField, type Asset } from './assets.ts'
import { uuid } from './ids.ts'

const id = (name: string) => uuid(`maximal|${name}`)

export const MAXIMAL_IDS = {
  zhang: id('worker-zhang'),
  ma: id('worker-ma'),
  li: id('worker-li'),
  /** Exists only as `drafts.<id>`: never published. */
  draftOnlyWorker: id('worker-draft-only'),
  heldEnterprise: id('talk-held-enterprise'),
  plannedSchool: id('talk-planned-school'),
  cancelledCommunity: id('talk-cancelled-community'),
  heldSchool: id('talk-held-school'),
  plannedEnterprise: id('talk-planned-enterprise'),
  cancelledPast: id('talk-cancelled-past'),
  plannedPast: id('talk-planned-past'),
  photo1: id('photo-1'),
  photo2: id('photo-2'),
  photo3: id('photo-3'),
  tour1: id('tour-longyuan'),
  tour2: id('tour-qiye'),
  story1: id('story-zhang'),
  story2: id('story-spring'),
  request: id('request'),
  topicCraft: id('lecture-topic-craft'),
  topicRural: id('lecture-topic-rural'),
  /** Exists only as `drafts.<id>`: a worker's reference to it waits until it is published. */
  draftOnlyTopic: id('lecture-topic-draft-only'),
}

/** Hand-typed slugs: capitals, and Chinese characters (pages must still build and links must reach them). */
export const SLUGS = {
  zhang: 'Zhang-HongMei-2',
  ma: '马建国',
  li: 'li-shuzhen',
  tour1: 'LongYuan-LaoMo-2026',
  tour2: '劳模工匠进企业',
  story1: '张红梅-走进车间',
  story2: 'Spring-Review-2026',
}

/** Slugs documents were published under before (renamed): each old address must redirect to the current one. */
export const FORMER_SLUGS = {
  zhang: ['zhang-hongmei', '张红梅'],
  tour1: ['LongYuan 2026'],
  story1: ['zhang-hongmei-zoujin-chejian'],
}

/** The held talk at 09:30 China time: the page must say 09:30. */
export const TIMED_TALK = { id: MAXIMAL_IDS.heldEnterprise, startsAt: '2026-05-12T01:30:00.000Z', shown: '09:30' }

export interface MaximalAssets {
  portraitZhang: Asset
  portraitMa: Asset
  portraitLi: Asset
  photo1: Asset
  photo2: Asset
  photo3: Asset
  storyMain: Asset
  storyFigure: Asset
  logo: Asset
}

/** A point a little off a county seat (inside Gansu), as a pin dropped on the map, with altitude. */
export function point(prefecture: string, county: string, dLat: number, dLng: number, alt: number) {
  const c = PREFECTURES.find((p) => p.name === prefecture)?.counties.find((x) => x.name === county)
  if (!c) throw new Error(`no county ${county} in ${prefecture}`)
  const round = (n: number) => Math.round(n * 1e6) / 1e6
  return { _type: 'geopoint', alt, lat: round(c.lat + dLat), lng: round(c.lng + dLng) }
}

export const slug = (current: string) => ({ _type: 'slug', current })

/** An inline figure or story image (captionedImage), cropped, with alt text, caption and credit. */
export const figureOf = (asset: Asset, caption: string) =>
  imageField(
    asset,
    {
      ...cropAndHotspot([0.1, 0.1, 0, 0.1], [0.45, 0.5, 0.6, 0.7]),
      alt: `${caption}的画面：纯色占位图`,
      caption,
      credit: '测试占位图（程序生成）',
    },
    'captionedImage',
  )
