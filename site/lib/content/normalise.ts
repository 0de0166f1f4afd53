/**
 * Turns query rows into page-ready data and names every problem it meets. Content with a
 * missing field or a dangling reference never crashes the build and never disappears
 * silently: each problem becomes a warning naming the document id and the field.
 */

export interface Ref<T> {
  ref?: string | null
  doc?: T | null
}

export interface Normalised<T> {
  /** null when the document cannot be shown at all (a required field is missing). */
  data: T | null
  warnings: string[]
}

export interface RawImage {
  assetRef?: string | null
  src?: string | null
  width?: number | null
  height?: number | null
  alt?: string | null
  caption?: string | null
  credit?: string | null
}

type Row = Record<string, unknown> & { _id: string }

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

export class Problems {
  readonly warnings: string[] = []
  constructor(
    readonly type: string,
    readonly id: string,
  ) {}
  add(field: string, message: string) {
    this.warnings.push(`${this.type} ${this.id}: field "${field}" ${message}`)
  }
  /** Checks required fields; returns false (and warns) when any is missing. */
  require(row: Record<string, unknown>, fields: string[]): boolean {
    let ok = true
    for (const field of fields) {
      if (isBlank(row[field])) {
        this.add(field, 'is missing (required) — document skipped')
        ok = false
      }
    }
    return ok
  }
  /** Resolves an array of references, dropping and naming the dangling ones. */
  refs<T>(field: string, items: Ref<T>[] | null | undefined): T[] {
    const out: T[] = []
    ;(items ?? []).forEach((item, index) => {
      if (item?.doc) out.push(item.doc)
      else
        this.add(
          `${field}[${index}]`,
          `references "${item?.ref ?? '?'}", which does not exist (dangling reference) — ignored`,
        )
    })
    return out
  }
  ref<T>(field: string, item: Ref<T> | null | undefined): T | undefined {
    if (!item) return undefined
    if (item.doc) return item.doc
    this.add(field, `references "${item.ref ?? '?'}", which does not exist (dangling reference) — ignored`)
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
    return {
      src: raw.src,
      ...(raw.width && raw.height ? { width: raw.width, height: raw.height } : {}),
      alt,
      ...(raw.caption ? { caption: raw.caption } : {}),
      ...(raw.credit ? { credit: raw.credit } : {}),
    }
  }
}

export interface CleanImage {
  src: string
  width?: number
  height?: number
  alt: string
  caption?: string
  credit?: string
}

export interface WorkerLink {
  _id: string
  name: string
  slug: string
  fictional?: boolean | null
}

function dropNulls<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as T
}

function workerLinks(p: Problems, field: string, items: Ref<WorkerLink>[] | null | undefined): WorkerLink[] {
  return p.refs(field, items).filter((w) => {
    if (w.slug) return true
    p.add(field, `references "${w._id}", which has no slug — link omitted`)
    return false
  })
}

/** Portable Text: keeps blocks, resolves figures, names figures without a usable image. */
function portableText(p: Problems, field: string, blocks: unknown): Record<string, unknown>[] {
  if (!Array.isArray(blocks)) return []
  const out: Record<string, unknown>[] = []
  blocks.forEach((block, index) => {
    if (!block || typeof block !== 'object') return
    const b = block as Record<string, unknown>
    if (b._type === 'captionedImage') {
      const image = p.image(`${field}[${index}]`, b as RawImage)
      if (!image) return
      if (!image.caption) p.add(`${field}[${index}].caption`, 'is missing — figure shown without caption')
      out.push({ _type: 'captionedImage', _key: b._key ?? `img${index}`, ...image })
      return
    }
    out.push(b)
  })
  return out
}

export function normaliseWorker(row: Row): Normalised<Record<string, unknown>> {
  const p = new Problems('modelWorker', row._id)
  if (!p.require(row, ['name', 'slug'])) return { data: null, warnings: p.warnings }
  const data = dropNulls({
    ...row,
    fictional: row.fictional === true,
    availableForSchools: row.availableForSchools === true,
    honours: ((row.honours as unknown[]) ?? []).filter(Boolean),
    talkTopics: ((row.talkTopics as unknown[]) ?? []).filter((t) => typeof t === 'string' && t.trim()),
    portrait: p.image('portrait', row.portrait as RawImage, row.name as string),
    bio: portableText(p, 'bio', row.bio),
  })
  return { data, warnings: p.warnings }
}

export function normaliseTalk(row: Row): Normalised<Record<string, unknown>> {
  const p = new Problems('talk', row._id)
  if (!p.require(row, ['title', 'startsAt', 'venueName', 'venueType', 'prefecture', 'status'])) {
    return { data: null, warnings: p.warnings }
  }
  if (!row.location) p.add('location', 'is missing — talk listed without a map position')
  const speakers = workerLinks(p, 'speakers', row.speakers as Ref<WorkerLink>[])
  if (speakers.length === 0 && !(row.speakers as unknown[])?.length) p.add('speakers', 'is empty — no speaker shown')
  const data = dropNulls({
    ...row,
    speakers,
    tour: p.ref('tour', row.tour as Ref<{ _id: string; title: string; slug: string }>),
    photoIds: p.refs('photos', row.photos as Ref<{ _id: string }>[]).map((ph) => ph._id),
    photos: undefined,
  })
  return { data, warnings: p.warnings }
}

export function normalisePhoto(row: Row): Normalised<Record<string, unknown>> {
  const p = new Problems('photo', row._id)
  if (!p.require(row, ['caption', 'alt'])) return { data: null, warnings: p.warnings }
  const raw = (row.image as RawImage | null) ?? null
  if (!raw) {
    p.add('image', 'is missing (required) — document skipped')
    return { data: null, warnings: p.warnings }
  }
  const image = p.image('image', { ...raw, alt: row.alt as string, caption: row.caption as string })
  if (!image) return { data: null, warnings: p.warnings }
  if (row.showsMinors === true && row.minorsConsent !== true) {
    p.add('minorsConsent', 'is not given for a photo of minors — photo withheld')
    return { data: null, warnings: p.warnings }
  }
  const data = dropNulls({
    ...row,
    image,
    people: workerLinks(p, 'people', row.people as Ref<WorkerLink>[]),
    talk: p.ref('talk', row.talk as Ref<{ _id: string; title: string; startsAt: string }>),
    placeholder: row.placeholder === true,
  })
  return { data, warnings: p.warnings }
}

export function normaliseTour(row: Row): Normalised<Record<string, unknown>> {
  const p = new Problems('tour', row._id)
  if (!p.require(row, ['title', 'slug'])) return { data: null, warnings: p.warnings }
  return { data: dropNulls({ ...row }), warnings: p.warnings }
}

export function normaliseStory(row: Row): Normalised<Record<string, unknown>> {
  const p = new Problems('story', row._id)
  if (!p.require(row, ['title', 'slug', 'publishedAt'])) return { data: null, warnings: p.warnings }
  const data = dropNulls({
    ...row,
    mainImage: p.image('mainImage', row.mainImage as RawImage),
    body: portableText(p, 'body', row.body),
    relatedWorkers: workerLinks(p, 'relatedWorkers', row.relatedWorkers as Ref<WorkerLink>[]),
  })
  return { data, warnings: p.warnings }
}
