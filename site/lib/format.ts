/** Display formats. All times are shown in China Standard Time, whatever the build machine's zone. */

import { TALK_STATUSES, titleOf } from '#domain/vocabulary'

export const TIME_ZONE = 'Asia/Shanghai'

/**
 * Formatters are created on first use: building an Intl formatter loads locale and zone data, which
 * costs a browser tens of milliseconds per formatter — pages pay only for the ones they call.
 */
function lazy<T>(create: () => T): () => T {
  let value: T | undefined
  return () => (value ??= create())
}

const dateFmt = lazy(
  () => new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }),
)
const dateTimeFmt = lazy(
  () =>
    new Intl.DateTimeFormat('zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }),
)
const monthFmt = lazy(() => new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long' }))
const numberFmt = lazy(() => new Intl.NumberFormat('zh-CN'))

export const formatDate = (iso: string) => dateFmt().format(new Date(iso))
export const formatDateTime = (iso: string) => dateTimeFmt().format(new Date(iso))
export const formatMonth = (iso: string) => monthFmt().format(new Date(iso))
export const formatNumber = (n: number) => numberFmt().format(n)

/** "2026-11-25": the calendar day in China time, whatever the machine's zone ("today" checks, reference numbers). */
export function chinaDate(date: Date | string = new Date()): string {
  return chinaIso(date).slice(0, 10)
}

const minutePartsFmt = lazy(
  () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    }),
)

/** "2026-05-01T10:00+08:00": the moment in China time, to the minute, with its offset (valid in `<time datetime>`). */
export function chinaIso(date: Date | string): string {
  if (typeof date !== 'string') return chinaIsoOf(date)
  // A build asks for the same talk's time on many pages; formatToParts is the costly part (~11 s of CPU at 200×).
  let local = isoMemo.get(date)
  if (local === undefined) {
    if (isoMemo.size >= ISO_MEMO_LIMIT) isoMemo.clear()
    isoMemo.set(date, (local = chinaIsoOf(new Date(date))))
  }
  return local
}

const ISO_MEMO_LIMIT = 100_000
const isoMemo = new Map<string, string>()

function chinaIsoOf(date: Date): string {
  const parts = minutePartsFmt().formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00'
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}${offset}`
}

/**
 * `formatDateTime`'s text from a `chinaIso` string, by reading its fields: no time-zone work, so
 * the browser needs no Intl formatter (slow to create on a phone) to show thousands of times.
 */
export function formatChinaIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}` : local
}

/** The calendar year in China time. */
export function chinaYear(iso: string): number {
  return Number(chinaDate(iso).slice(0, 4))
}

/** "2027-03" in China time: the key for grouping talks by month. */
export function monthKey(iso: string): string {
  return chinaDate(iso).slice(0, 7)
}

/**
 * A talk's start–end, saying the date once: "2025年2月26日 09:00–10:30" within one China-time day,
 * "2025年2月26日 09:00 – 2月27日 10:30" across days, with the end's year too when the years differ.
 * Read from `chinaIso` fields so it matches `formatDateTime` without another Intl formatter.
 */
export function formatTimeRange(startsAt: string, endsAt?: string | null): string {
  const start = chinaIso(startsAt)
  const startText = formatChinaIso(start)
  if (!endsAt) return startText
  const end = chinaIso(endsAt)
  if (end.slice(0, 10) === start.slice(0, 10)) return `${startText}–${end.slice(11, 16)}`
  const endText = formatChinaIso(end)
  // Spaces around the dash: it joins two dates, not two times.
  return `${startText} – ${end.slice(0, 4) === start.slice(0, 4) ? endText.replace(/^\d{4}年/, '') : endText}`
}

/**
 * A talk's state in the vocabulary's words (domain/vocabulary.ts TALK_STATUSES), the one
 * source for every list, page, popup and badge. A planned talk whose start has passed without
 * being marked held is not passed off as upcoming: "计划中·待更新" says the record is behind.
 */
export type TalkState = 'planned' | 'overdue' | 'held' | 'cancelled'

export function talkState(talk: { status: string; startsAt: string }, now: Date | number = Date.now()): TalkState {
  if (talk.status === 'held' || talk.status === 'cancelled') return talk.status
  return Date.parse(talk.startsAt) > Number(now) ? 'planned' : 'overdue'
}

/** The words shown for `talkState`: a planned talk past its start reads "计划中·待更新". */
export function talkStatusTitle(talk: { status: string; startsAt: string }, now: Date | number = Date.now()): string {
  const state = talkState(talk, now)
  const title = titleOf(TALK_STATUSES, state === 'overdue' ? 'planned' : state)
  return state === 'overdue' ? `${title}·${OVERDUE_NOTE}` : title
}

/** Added to a planned talk's title once its start has passed and nobody has marked it held. */
export const OVERDUE_NOTE = '待更新'
