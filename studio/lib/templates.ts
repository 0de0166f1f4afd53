/**
 * Initial values of the Studio's parameterised templates, kept pure for tests:
 * "此劳模的报告会" (speakers prefilled) and "此报告会的图片" (talk and people prefilled).
 */
import type { Reference } from './requestInbox'

export const TALK_FOR_WORKER = 'talk-for-worker'
export const PHOTO_FOR_TALK = 'photo-for-talk'
/** Templates that need parameters: offered from lists and actions, not the global "create" menu. */
export const PARAMETERISED_TEMPLATES = new Set([TALK_FOR_WORKER, PHOTO_FOR_TALK])

const ref = (id: string, key?: string): Reference => ({ _type: 'reference', _ref: id, ...(key ? { _key: key } : {}) })

export function talkForWorkerValue(workerId: string) {
  return { status: 'planned', speakers: [ref(workerId, 'speaker0')] }
}

export interface TalkForPhoto {
  speakers?: { _ref?: string }[] | null
  prefecture?: string | null
  venueName?: string | null
  startsAt?: string | null
}

/** The Beijing calendar date of an instant (photos carry a date, talks an instant). */
export function beijingDate(instant: string): string | undefined {
  const t = new Date(instant).getTime()
  if (Number.isNaN(t)) return undefined
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10)
}

export function photoForTalkValue(talkId: string, talk: TalkForPhoto | null | undefined) {
  const people = (talk?.speakers ?? []).flatMap((s, i) => (s?._ref ? [ref(s._ref, `person${i}`)] : []))
  const takenAt = talk?.startsAt ? beijingDate(talk.startsAt) : undefined
  return {
    talk: ref(talkId.replace(/^drafts\./, '')),
    people,
    showsMinors: false,
    placeholder: false,
    ...(talk?.prefecture ? { prefecture: talk.prefecture } : {}),
    ...(talk?.venueName ? { place: talk.venueName } : {}),
    ...(takenAt ? { takenAt } : {}),
  }
}
