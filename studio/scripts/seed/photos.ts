/** Photos: placeholders for the article's six, and placeholder photos of sample talks. */
import { PREFECTURES } from '#domain/region'
import { ARTICLE_PHOTOS } from './data/article.ts'
import { PLACEHOLDER_CREDIT } from './data/site.ts'
import { chinaDate } from './dates.ts'
import type { ImageRegistry } from './images.ts'
import { asset, ref, refItem, type Json } from './portable-text.ts'
import type { Random } from './random.ts'
import { hasTalkPhoto, STORY_TALKS } from './story-talks.ts'
import type { Talk } from './talks.ts'
import { workerId } from './workers.ts'

export interface PhotoSpec {
  id: string
  file: string
  caption: string
  alt: string
  takenAt?: string
  place?: string
  prefecture?: string
  people?: string[]
  talk?: string
  showsMinors?: boolean
}

/** The article's photos with its captions; the one of the 陇西 meeting is linked to that talk. */
function articlePhotos(images: ImageRegistry, talks: Talk[]): PhotoSpec[] {
  const longxi = talks.find((t) => t.draft.articlePhoto)
  if (!longxi) throw new Error('陇西 report meeting missing')
  const specs = ARTICLE_PHOTOS.map(({ shows, atArticleTalk, ...p }) => ({
    ...p,
    file: images.register(`${p.id}.jpg`, 'photo', p.caption),
    alt: `示例占位图：代替原报道配图（${shows}），画面只有文字，并非原照片`,
    ...(atArticleTalk ? { talk: longxi.id } : {}),
  }))
  for (const s of specs) if (s.talk) longxi.photoIds.push(s.id)
  return specs
}

function talkPhotoCaption(t: Talk, n: number): { caption: string; minors: boolean } {
  const v = t.draft.venue
  const who = t.draft.speakers[0].name
  // School photos would show pupils: flagged, with (sample) guardian consent recorded.
  if (v.type === 'school') {
    return n === 1
      ? { caption: `${who}在${v.name}为同学们讲述成长故事`, minors: true }
      : { caption: `报告会后，同学们在${v.name}向${who}提问`, minors: true }
  }
  if (v.type === 'enterprise') {
    return n === 1
      ? { caption: `${who}在${v.name}与职工交流“${t.topic}”经验`, minors: false }
      : { caption: `${v.name}报告会现场，职工认真聆听`, minors: false }
  }
  return n === 1
    ? { caption: `${who}在${v.name}为居民作劳模事迹宣讲`, minors: false }
    : { caption: `居民在${v.name}与${who}交流`, minors: false }
}

function addTalkPhoto(images: ImageRegistry, t: Talk): PhotoSpec {
  const n = t.photoIds.filter((p) => p.startsWith('photo-talk-')).length + 1
  const id = `photo-${t.id}-${n}`
  const { caption, minors } = talkPhotoCaption(t, n)
  t.photoIds.push(id)
  return {
    id,
    file: images.register(`${id}.jpg`, 'photo', caption),
    caption,
    alt: `示例占位图：浅色背景上印着“示例占位图”“PLACEHOLDER”和说明文字，并非报告会现场照片`,
    takenAt: t.startsAt ? chinaDate(t.startsAt) : undefined,
    place: t.draft.venue.name,
    prefecture: t.draft.venue.prefecture,
    people: t.draft.speakers.map(workerId),
    talk: t.id,
    showsMinors: minors,
  }
}

/**
 * The article's six, then talk photos: one per prefecture, eight more, a second of three of those,
 * and one for each story's talk if it has none yet.
 */
export function choosePhotos(random: Random, images: ImageRegistry, talks: Talk[]): PhotoSpec[] {
  const photos = articlePhotos(images, talks)
  const held = talks.filter((t) => t.draft.status === 'held')
  for (const p of PREFECTURES) {
    const local = held.filter((t) => t.draft.venue.prefecture === p.name && !t.draft.articlePhoto)
    photos.push(addTalkPhoto(images, random.pick(local)))
  }
  const extra = random.shuffle(held.filter((t) => !hasTalkPhoto(t) && !t.draft.articlePhoto)).slice(0, 8)
  for (const t of extra) photos.push(addTalkPhoto(images, t))
  for (const t of extra.slice(0, 3)) photos.push(addTalkPhoto(images, t))
  for (const isStoryTalk of Object.values(STORY_TALKS)) {
    const candidates = held.filter(isStoryTalk)
    if (candidates.length && !candidates.some(hasTalkPhoto)) photos.push(addTalkPhoto(images, candidates[0]))
  }
  return photos
}

export function photoDoc(p: PhotoSpec): Json {
  return {
    _id: p.id,
    _type: 'photo',
    image: { _type: 'image', _sanityAsset: asset(p.file) },
    caption: p.caption,
    alt: p.alt,
    credit: PLACEHOLDER_CREDIT,
    ...(p.takenAt ? { takenAt: p.takenAt } : {}),
    ...(p.place ? { place: p.place } : {}),
    ...(p.prefecture ? { prefecture: p.prefecture } : {}),
    ...(p.people?.length ? { people: p.people.map((w) => refItem(`${p.id}.people`, w)) } : {}),
    ...(p.talk ? { talk: ref(p.talk) } : {}),
    showsMinors: Boolean(p.showsMinors),
    ...(p.showsMinors ? { minorsConsent: true } : {}),
    placeholder: true,
  }
}
