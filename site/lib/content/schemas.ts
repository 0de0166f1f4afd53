/**
 * Zod schemas of the site's collections (after normalisation). `image` is Astro's content
 * image helper in the build (it turns the dataset's relative file paths into processed
 * images) and a plain string schema in unit tests.
 */
import type { ImageMetadata } from 'astro'
import type { SchemaContext } from 'astro/content/config'
import { z } from 'astro/zod'

const workerLink = z.object({
  _id: z.string(),
  name: z.string(),
  slug: z.string(),
  fictional: z.boolean().optional(),
})

/** A 点单 topic as a worker's card and the booking form name it. */
const topicLink = z.object({ _id: z.string(), title: z.string(), theme: z.string() })

/** A topic of the school talk menu (点单): /schools/topics/ groups them by theme and filters by stage. */
export const lectureTopicSchema = topicLink.extend({
  /** GRADE_BANDS values; empty only for content the Studio would warn about (shown on the all-stages menu). */
  stages: z.array(z.string()),
  description: z.string().optional(),
  durationMinutes: z.number().optional(),
  format: z.string().optional(),
})

export const imageSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    src: image(),
    width: z.number().optional(),
    height: z.number().optional(),
    alt: z.string(),
    caption: z.string().optional(),
    credit: z.string().optional(),
    /** The editor's focal point (0–1 of the shown image): where a cropping frame centres. */
    focus: z.object({ x: z.number(), y: z.number() }).optional(),
    /** The editor's crop (fractions cut from each edge); the loader cuts the file and drops this. */
    crop: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }).optional(),
  })

const portableText = <I extends z.ZodType>(image: () => I) =>
  z.array(
    z.union([
      z.object({ _type: z.literal('captionedImage'), _key: z.string() }).extend(imageSchema(image).shape),
      z.looseObject({ _type: z.string() }),
    ]),
  )

export const workerSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    _id: z.string(),
    name: z.string(),
    slug: z.string(),
    /** Slugs it was published under before; each old path redirects to `slug` (site/lib/redirects.ts). */
    formerSlugs: z.array(z.string()),
    fictional: z.boolean(),
    employer: z.string().optional(),
    post: z.string().optional(),
    sector: z.string().optional(),
    prefecture: z.string().optional(),
    summary: z.string().optional(),
    source: z.string().optional(),
    honours: z.array(
      z.object({
        title: z.string().nullish(),
        level: z.string().nullish(),
        year: z.number().nullish(),
        awardingBody: z.string().nullish(),
      }),
    ),
    talkTopics: z.array(z.string()),
    /** Menu topics the worker gives (resolved, published ones); the free talkTopics stay for older content. */
    lectureTopics: z.array(topicLink),
    /** GRADE_BANDS values the worker goes to; empty means any. */
    schoolStages: z.array(z.string()),
    availableForSchools: z.boolean(),
    portrait: imageSchema(image).optional(),
    bio: portableText(image),
  })

export const talkSchema = z.object({
  _id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  venueName: z.string(),
  venueType: z.enum(['enterprise', 'school', 'community']),
  location: z.object({ lat: z.number(), lng: z.number() }).optional(),
  prefecture: z.string(),
  county: z.string().optional(),
  status: z.enum(['planned', 'held', 'cancelled']),
  audienceSize: z.number().optional(),
  summary: z.string().optional(),
  speakers: z.array(workerLink),
  tour: z.object({ _id: z.string(), title: z.string(), slug: z.string() }).optional(),
  photoIds: z.array(z.string()),
})

export const photoSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    _id: z.string(),
    caption: z.string(),
    alt: z.string(),
    credit: z.string().optional(),
    takenAt: z.string().optional(),
    place: z.string().optional(),
    prefecture: z.string().optional(),
    placeholder: z.boolean(),
    image: imageSchema(image),
    people: z.array(workerLink),
    talk: z.object({ _id: z.string(), title: z.string(), startsAt: z.string().nullish() }).optional(),
  })

export const tourSchema = z.object({
  _id: z.string(),
  title: z.string(),
  slug: z.string(),
  formerSlugs: z.array(z.string()),
  description: z.string().optional(),
  organiser: z.string().optional(),
  period: z.object({ start: z.string().nullish(), end: z.string().nullish() }).optional(),
})

export const storySchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    _id: z.string(),
    title: z.string(),
    slug: z.string(),
    formerSlugs: z.array(z.string()),
    publishedAt: z.string(),
    excerpt: z.string().optional(),
    author: z.string().optional(),
    mainImage: imageSchema(image).optional(),
    body: portableText(image),
    relatedWorkers: z.array(workerLink),
  })

export const pairingSchema = z.object({
  _id: z.string(),
  school: z.string(),
  prefecture: z.string(),
  county: z.string().optional(),
  since: z.string(),
  until: z.string().optional(),
  activities: z.string(),
  worker: workerLink,
  talks: z.array(z.object({ _id: z.string(), title: z.string(), startsAt: z.string().nullish() })),
})

export const settingsSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    title: z.string(),
    tagline: z.string().optional(),
    organisation: z.string(),
    /** The editors' logo; without one the masthead shows the site's own mark (public/logo.svg). */
    logo: imageSchema(image).optional(),
    icp: z.string().optional(),
    psb: z.string().optional(),
    /** 承办单位, 网站标识码 and the 纠错 address (falls back to bookingEmail): the footer's extras. */
    operator: z.string().optional(),
    siteCode: z.string().optional(),
    correctionEmail: z.string().optional(),
    bookingOffice: z.string().optional(),
    bookingPhone: z.string().optional(),
    bookingEmail: z.string().optional(),
    bookingNotes: z.string().optional(),
    mapProvider: z.string().optional(),
    mapKey: z.string().optional(),
    mapApproval: z.string().optional(),
    isSample: z.boolean(),
    sourceLabel: z.string(),
  })

type ImageHelper = SchemaContext['image']

/**
 * A collection's schema function, building the schema once. Astro calls it for every entry, to hand over
 * that entry's image() helper (getEntryData in astro/dist/content/utils.js), and a new zod object costs
 * ~2 ms on its first parse: 30 s of content sync at 200× the sample. The one schema's image fields parse
 * with the helper of the entry being parsed, which Astro passes just before parsing it synchronously (the
 * content layer's helper is a synchronous transform; an asynchronous one would make safeParse throw, not
 * mix entries up).
 */
export function oncePerCollection<S>(make: (image: ImageHelper) => S): (context: SchemaContext) => S {
  let current: ReturnType<ImageHelper> | undefined
  const field = z.string().transform((value, ctx) => {
    if (!current) throw new Error('oncePerCollection: no image() helper given')
    const result = current.safeParse(value)
    if (result.success) return result.data
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
    return z.NEVER
  }) as unknown as ReturnType<ImageHelper>
  const schema = make(() => field)
  return ({ image }) => {
    current = image()
    return schema
  }
}

/** The settings entry as pages read it (the logo's file processed by Astro's image() helper). */
export type Settings = z.infer<ReturnType<typeof settingsSchema<z.ZodType<ImageMetadata>>>>

/**
 * What the normalisers hand to each collection (before Astro's image() helper turns paths into
 * images). normalise.ts returns exactly these types, and takes TypeGen's query result types, so a
 * schema field the normaliser does not map into these shapes fails `tsc`, not a build.
 */
type Path = z.ZodString
export type WorkerInput = z.input<ReturnType<typeof workerSchema<Path>>>
export type TalkInput = z.input<typeof talkSchema>
export type PhotoInput = z.input<ReturnType<typeof photoSchema<Path>>>
export type TourInput = z.input<typeof tourSchema>
export type StoryInput = z.input<ReturnType<typeof storySchema<Path>>>
export type PairingInput = z.input<typeof pairingSchema>
export type ImageInput = z.input<ReturnType<typeof imageSchema<Path>>>
export type SettingsInput = z.input<ReturnType<typeof settingsSchema<Path>>>
export type WorkerLinkInput = z.input<typeof workerLink>
export type LectureTopicInput = z.input<typeof lectureTopicSchema>
export type TopicLinkInput = z.input<typeof topicLink>
