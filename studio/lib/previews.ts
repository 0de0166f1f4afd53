/** Subtitles of the Studio's document previews, pure for tests. Dates are Beijing dates. */
import { beijingDate } from './templates'
import { REQUEST_STATUSES, TALK_STATUSES, VENUE_TYPES, titleOf } from '#domain/vocabulary'

const join = (parts: (string | number | undefined | null | false)[]) => parts.filter(Boolean).join(' · ')

/** Talk: date · venue · type (and the status when it is not the expected one). */
export function talkSubtitle(t: { startsAt?: string; venueName?: string; venueType?: string; status?: string }) {
  return join([
    t.startsAt ? beijingDate(t.startsAt) : '未定日期',
    t.venueName,
    titleOf(VENUE_TYPES, t.venueType),
    t.status === 'cancelled' ? titleOf(TALK_STATUSES, t.status) : '',
  ])
}

/** Photo: date · place, with the problems an editor must fix before publishing. */
export function photoSubtitle(p: {
  takenAt?: string
  place?: string
  showsMinors?: boolean
  minorsConsent?: boolean
  alt?: string
}) {
  return join([
    p.showsMinors && !p.minorsConsent ? '⚠ 未成年人缺少监护人同意' : '',
    !p.alt?.trim() ? '⚠ 缺少替代文字' : '',
    p.takenAt,
    p.place,
  ])
}

/** Request: status · received date · school's prefecture · topic (· 任一劳模 when any worker will do). */
export function requestSubtitle(r: {
  status?: string
  receivedAt?: string
  prefecture?: string
  topic?: string
  anyWorker?: boolean
}) {
  return join([
    titleOf(REQUEST_STATUSES, r.status ?? 'new'),
    r.receivedAt ? beijingDate(r.receivedAt) : '',
    r.prefecture,
    r.topic,
    r.anyWorker && r.topic ? '任一劳模' : '',
  ])
}

/** Feedback: stars · students · received date · whether it is public yet. */
export function feedbackSubtitle(f: { rating?: number; students?: number; receivedAt?: string; approved?: boolean }) {
  return join([
    typeof f.rating === 'number'
      ? `${'★'.repeat(Math.max(0, Math.min(5, Math.round(f.rating))))} ${f.rating} 分`
      : '⚠ 缺少评分',
    typeof f.students === 'number' ? `${f.students} 名学生` : '',
    f.receivedAt ? beijingDate(f.receivedAt) : '',
    f.approved ? '已公开' : '待审核',
  ])
}
