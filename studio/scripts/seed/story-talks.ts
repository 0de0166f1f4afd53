/**
 * The talks each sample story is about. A story needs a held talk with a photo, so photos.ts makes
 * sure one exists and stories.ts takes the first.
 */
import { SHUANGLIAN, TOUR_BY_TYPE } from './data/tours.ts'
import type { Talk } from './talks.ts'

const speaks = (t: Talk, ...slugs: string[]): boolean => t.draft.speakers.some((w) => slugs.includes(w.slug))

export const STORY_TALKS = {
  school: (t: Talk): boolean => t.draft.venue.type === 'school' && speaks(t, 'wang-jianguo', 'chen-jing'),
  longxi: (t: Talk): boolean =>
    t.draft.tour === SHUANGLIAN && t.draft.venue.county === '陇西县' && !t.draft.articlePhoto,
  enterprise: (t: Talk): boolean =>
    t.draft.venue.type === 'enterprise' && speaks(t, 'zhang-hongmei', 'liu-tiejun', 'gao-zhiyuan'),
  community: (t: Talk): boolean =>
    t.draft.venue.type === 'community' && t.draft.tour === TOUR_BY_TYPE.community && t.startsAt >= '2026-01-01',
  mayDay: (t: Talk): boolean => t.startsAt >= '2026-03-01' && t.startsAt < '2026-05-08',
} satisfies Record<string, (t: Talk) => boolean>

export const hasTalkPhoto = (t: Talk): boolean => t.photoIds.some((p) => p.startsWith('photo-talk-'))
