/**
 * Turns query rows into page-ready data and names every problem it meets. Rows are typed by
 * TypeGen from the Studio schema (domain/sanity.types.ts) and the result is typed as the collection's
 * input (schemas.ts), so every field the Studio may leave empty is mapped here, checked by `tsc`:
 * an optional field left empty never drops a document. Content the Studio would refuse (a required
 * field missing) or a dangling reference never crashes the build and never disappears silently:
 * each problem becomes a warning naming the document id and the field.
 */
import type {
  PAIRINGS_QUERY_RESULT,
  PHOTOS_QUERY_RESULT,
  STORIES_QUERY_RESULT,
  TALKS_QUERY_RESULT,
  TOURS_QUERY_RESULT,
  WORKERS_QUERY_RESULT,
} from '#domain/sanity.types'
import type {
  ImageInput,
  PairingInput,
  PhotoInput,
  StoryInput,
  TalkInput,
  TourInput,
  WorkerInput,
  WorkerLinkInput,
} from './schemas'
import { portableText } from './rich-text'
import { gradeBands, normaliseLectureTopic, topicLinks } from './lecture-topics'

export interface Normalised<T> {
  /** null when the document cannot be shown at all (a required field is missing). */
  data: T | null
  warnings: string[]
}

/**
 * A row as it can really arrive: TypeGen assumes required fields are filled and references resolve,
 * but a dataset may hold what the Studio would refuse, and a weak reference may point nowhere.
 */
type Loose<T> = { [K in keyof T]?: T[K] | null } & { _id: string }

export interface Ref<T> {
  ref?: string | null
  /** The Studio saved the reference before its target was published (`_strengthenOnPublish`). */
  pending?: boolean | null
  doc?: T | null
}

export interface RawImage {
  assetRef?: string | null
  src?: string | null
  width?: number | null
  height?: number | null
  crop?: { top?: number; bottom?: number; left?: number; right?: number } | null
  hotspot?: { x?: number; y?: number } | null
  alt?: string | null
  caption?: string | null
  credit?: string | null
}

export type CleanImage = ImageInput
export type WorkerLink = WorkerLinkInput

/** Empty as the Studio's required() sees it: absent, null, blank text or an empty list. */
const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

/** Text an editor typed, or undefined for an empty field. */
const text = (v: string | null | undefined) => (isBlank(v) ? undefined : (v as string))
const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined

/** A slug that makes one path segment (capitals, Chinese and spaces are encoded; these are not). */
const isPathSegment = (slug: string) => !/[/\\\u0000-\u001f\u007f]/.test(slug) && slug !== '.' && slug !== '..'

export class Problems {
  readonly warnings: string[] = []
  constructor(
    readonly type: string,
    readonly id: string,
  ) {}
  add(field: string, message: string) {
    this.warnings.push(`${this.type} ${this.id}: field "${field}" ${message}`)
  }
  /**
   * A slug must make one path segment: an editor may type capitals, Chinese or spaces (paths are
   * encoded), but "/" or "\\" would split it and "." or ".." would leave its folder.
   */
  slug(slug: string): boolean {
    if (isPathSegment(slug)) return true
    this.add(
      'slug',
      `"${slug}" cannot be a web address (no "/", "\\", control characters, "." or "..") — document skipped`,
    )
    return false
  }
  /**
   * The slugs a document was published under before (the Studio records them on publish): each must be
   * text, a usable path segment, not the current slug and not listed twice. Clashes with other
   * documents are the loader's to find (it sees them all: redirects.ts).
   */
  formerSlugs(list: readonly unknown[] | null | undefined, current: string): string[] {
    const kept: string[] = []
    ;(list ?? []).forEach((value, index) => {
      const field = `formerSlugs[${index}]`
      if (typeof value !== 'string' || value.trim() === '')
        this.add(field, `is ${JSON.stringify(value ?? null)}, not a former slug — ignored`)
      else if (value === current) this.add(field, `"${value}" is the current slug — ignored`)
      else if (kept.includes(value)) this.add(field, `"${value}" is listed twice — ignored`)
      else if (!isPathSegment(value))
        this.add(field, `"${value}" cannot be a web address (no "/", "\\", control characters, "." or "..") — ignored`)
      else kept.push(value)
    })
    return kept
  }
  /** Checks required fields; returns false (and warns) when any is missing. */
  require(row: object, fields: string[]): boolean {
    let ok = true
    for (const field of fields) {
      if (isBlank((row as Record<string, unknown>)[field])) {
        this.add(field, 'is missing (required) — document skipped')
        ok = false
      }
    }
    return ok
  }
  private unresolved(field: string, item: Ref<unknown> | null | undefined) {
    const target = `"${item?.ref ?? '?'}"`
    this.add(
      field,
      item?.pending
        ? `references ${target}, which is not published yet — ignored until it is`
        : `references ${target}, which does not exist (dangling reference) — ignored`,
    )
  }
  /** Resolves an array of references, dropping and naming the unresolved ones. */
  refs<T>(field: string, items: readonly (Ref<T> | null)[] | null | undefined): T[] {
    const out: T[] = []
    ;(items ?? []).forEach((item, index) => {
      if (item?.doc) out.push(item.doc)
      else this.unresolved(`${field}[${index}]`, item)
    })
    return out
  }
  ref<T>(field: string, item: Ref<T> | null | undefined): T | undefined {
    if (!item) return undefined
    if (item.doc) return item.doc
    this.unresolved(field, item)
    return undefined
  }
  /** An image is usable only with a resolved asset; alt text falls back to `fallbackAlt`. */
  image(field: string, raw: RawImage | null | undefined, fallbackAlt?: string): CleanImage | undefined {
    if (!raw) return undefined
    if (!raw.src) {
      this.add(field, `has no usable image file (asset "${raw.assetRef ?? '?'}" missing) — image omitted`)
      return undefined
    }
    let alt = raw.alt ?? ''
    if (isBlank(alt)) {
      this.add(`${field}.alt`, 'is missing — using the caption or name as alt text')
      alt = fallbackAlt ?? raw.caption ?? ''
    }
    const crop = cropOf(raw.crop)
    const focus = focusOf(raw.hotspot, crop)
    return {
      src: raw.src,
      ...(raw.width && raw.height ? { width: raw.width, height: raw.height } : {}),
      alt,
      ...(text(raw.caption) ? { caption: raw.caption! } : {}),
      ...(text(raw.credit) ? { credit: raw.credit! } : {}),
      ...(crop ? { crop } : {}),
      ...(focus ? { focus } : {}),
    }
  }
}

type Crop = NonNullable<CleanImage['crop']>

/** The editor's crop, or undefined when it cuts nothing (the Studio stores zeros after a reset). */
function cropOf(raw: RawImage['crop']): Crop | undefined {
  if (!raw) return undefined
  const edge = (v: unknown) => (typeof v === 'number' && v > 0 && v < 1 ? v : 0)
  const crop = { top: edge(raw.top), bottom: edge(raw.bottom), left: edge(raw.left), right: edge(raw.right) }
  if (crop.top + crop.bottom >= 1 || crop.left + crop.right >= 1) return undefined
  return crop.top || crop.bottom || crop.left || crop.right ? crop : undefined
}

/** The hotspot's centre, moved into the cropped picture (Sanity stores it relative to the whole file). */
function focusOf(hotspot: RawImage['hotspot'], crop: Crop | undefined): CleanImage['focus'] {
  if (typeof hotspot?.x !== 'number' || typeof hotspot?.y !== 'number') return undefined
  const c = crop ?? { top: 0, bottom: 0, left: 0, right: 0 }
  const clamp = (v: number) => Math.min(1, Math.max(0, v))
  const x = clamp((hotspot.x - c.left) / (1 - c.left - c.right))
  const y = clamp((hotspot.y - c.top) / (1 - c.top - c.bottom))
  // The Studio's default hotspot is the centre: nothing to say then.
  return Math.abs(x - 0.5) < 1e-6 && Math.abs(y - 0.5) < 1e-6 ? undefined : { x, y }
}

type RawWorkerLink = { _id: string; name?: string | null; slug?: string | null; fictional?: boolean | null }

function workerLinks(
  p: Problems,
  field: string,
  items: readonly Ref<RawWorkerLink>[] | null | undefined,
): WorkerLink[] {
  return p.refs(field, items).flatMap((w) => {
    if (w.slug && w.name) return [{ _id: w._id, name: w.name, slug: w.slug, fictional: w.fictional === true }]
    p.add(field, `references "${w._id}", which has no ${w.slug ? 'name' : 'slug'} — link omitted`)
    return []
  })
}

type WorkerRow = Loose<WORKERS_QUERY_RESULT[number]>

export function normaliseWorker(row: WorkerRow): Normalised<WorkerInput> {
  const p = new Problems('modelWorker', row._id)
  if (!p.require(row, ['name', 'slug']) || !p.slug(row.slug!)) return { data: null, warnings: p.warnings }
  const data: WorkerInput = {
    _id: row._id,
    name: row.name!,
    slug: row.slug!,
    formerSlugs: p.formerSlugs(row.formerSlugs, row.slug!),
    fictional: row.fictional === true,
    employer: text(row.employer),
    post: text(row.post),
    sector: orUndefined(row.sector),
    prefecture: orUndefined(row.prefecture),
    summary: text(row.summary),
    source: text(row.source),
    honours: (row.honours ?? []).filter(Boolean),
    talkTopics: (row.talkTopics ?? []).filter((t) => typeof t === 'string' && t.trim() !== ''),
    lectureTopics: topicLinks(p, 'lectureTopics', row.lectureTopics),
    schoolStages: gradeBands(p, 'schoolStages', row.schoolStages),
    availableForSchools: row.availableForSchools === true,
    portrait: p.image('portrait', row.portrait, row.name!),
    bio: portableText(p, 'bio', row.bio),
  }
  return { data, warnings: p.warnings }
}

type TalkRow = Loose<TALKS_QUERY_RESULT[number]>

export function normaliseTalk(row: TalkRow): Normalised<TalkInput> {
  const p = new Problems('talk', row._id)
  if (!p.require(row, ['title', 'startsAt', 'venueName', 'venueType', 'prefecture', 'status'])) {
    return { data: null, warnings: p.warnings }
  }
  const { lat, lng } = row.location ?? {}
  const location = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : undefined
  if (!location) p.add('location', 'is missing — talk listed without a map position')
  const speakers = workerLinks(p, 'speakers', row.speakers)
  if (!row.speakers?.length) p.add('speakers', 'is empty — no speaker shown')
  const data: TalkInput = {
    _id: row._id,
    title: row.title!,
    startsAt: row.startsAt!,
    endsAt: text(row.endsAt),
    venueName: row.venueName!,
    venueType: row.venueType!,
    location,
    prefecture: row.prefecture!,
    county: text(row.county),
    status: row.status!,
    audienceSize: orUndefined(row.audienceSize),
    summary: text(row.summary),
    speakers,
    tour: p.ref('tour', row.tour),
    photoIds: p.refs('photos', row.photos).map((ph) => ph._id),
  }
  return { data, warnings: p.warnings }
}

type PhotoRow = Loose<PHOTOS_QUERY_RESULT[number]>

export function normalisePhoto(row: PhotoRow): Normalised<PhotoInput> {
  const p = new Problems('photo', row._id)
  if (!p.require(row, ['caption', 'alt'])) return { data: null, warnings: p.warnings }
  if (!row.image) {
    p.add('image', 'is missing (required) — document skipped')
    return { data: null, warnings: p.warnings }
  }
  const image = p.image('image', { ...row.image, alt: row.alt, caption: row.caption, credit: null })
  if (!image) return { data: null, warnings: p.warnings }
  if (row.showsMinors === true && row.minorsConsent !== true) {
    p.add('minorsConsent', 'is not given for a photo of minors — photo withheld')
    return { data: null, warnings: p.warnings }
  }
  const talk = p.ref('talk', row.talk)
  const data: PhotoInput = {
    _id: row._id,
    caption: row.caption!,
    alt: row.alt!,
    credit: text(row.credit),
    takenAt: text(row.takenAt),
    place: text(row.place),
    prefecture: orUndefined(row.prefecture),
    placeholder: row.placeholder === true,
    image,
    people: workerLinks(p, 'people', row.people),
    talk: talk && { _id: talk._id, title: talk.title, startsAt: talk.startsAt },
  }
  return { data, warnings: p.warnings }
}

type TourRow = Loose<TOURS_QUERY_RESULT[number]>

export function normaliseTour(row: TourRow): Normalised<TourInput> {
  const p = new Problems('tour', row._id)
  if (!p.require(row, ['title', 'slug']) || !p.slug(row.slug!)) return { data: null, warnings: p.warnings }
  const data: TourInput = {
    _id: row._id,
    title: row.title!,
    slug: row.slug!,
    formerSlugs: p.formerSlugs(row.formerSlugs, row.slug!),
    description: text(row.description),
    organiser: text(row.organiser),
    period: row.period ? { start: row.period.start, end: row.period.end } : undefined,
  }
  return { data, warnings: p.warnings }
}

type StoryRow = Loose<STORIES_QUERY_RESULT[number]>

export function normaliseStory(row: StoryRow): Normalised<StoryInput> {
  const p = new Problems('story', row._id)
  if (!p.require(row, ['title', 'slug', 'publishedAt', 'excerpt', 'body']) || !p.slug(row.slug!)) {
    return { data: null, warnings: p.warnings }
  }
  const data: StoryInput = {
    _id: row._id,
    title: row.title!,
    slug: row.slug!,
    formerSlugs: p.formerSlugs(row.formerSlugs, row.slug!),
    publishedAt: row.publishedAt!,
    excerpt: text(row.excerpt),
    author: text(row.author),
    mainImage: p.image('mainImage', row.mainImage),
    body: portableText(p, 'body', row.body),
    relatedWorkers: workerLinks(p, 'relatedWorkers', row.relatedWorkers),
  }
  return { data, warnings: p.warnings }
}

/** A 点单 menu topic (the rules live in lecture-topics.ts). */
export const normaliseTopic = (row: Parameters<typeof normaliseLectureTopic>[0]) =>
  normaliseLectureTopic(row, new Problems('lectureTopic', row._id))

type PairingRow = Loose<PAIRINGS_QUERY_RESULT[number]>

/** A pairing is about its worker: without a published worker to link, it is not shown at all. */
export function normalisePairing(row: PairingRow): Normalised<PairingInput> {
  const p = new Problems('pairing', row._id)
  if (!p.require(row, ['worker', 'school', 'prefecture', 'since', 'activities']))
    return { data: null, warnings: p.warnings }
  const w = p.ref('worker', row.worker)
  const worker = w?.slug && w.name ? { _id: w._id, name: w.name, slug: w.slug, fictional: w.fictional === true } : null
  if (!worker) {
    p.add('worker', 'has no published model worker to link — pairing not shown')
    return { data: null, warnings: p.warnings }
  }
  const data: PairingInput = {
    _id: row._id,
    school: row.school!,
    prefecture: row.prefecture!,
    county: text(row.county),
    since: row.since!,
    until: text(row.until),
    activities: row.activities!,
    worker,
    talks: p.refs('talks', row.talks).map((t) => ({ _id: t._id, title: t.title, startsAt: t.startsAt })),
  }
  return { data, warnings: p.warnings }
}
