/**
 * The request inbox's logic, free of Studio imports: turning a school's talk request into a
 * draft talk ("安排报告会") and the one-click status changes of a request.
 */
import { findPrefecture } from '#domain/region'
import { publishedId } from './siteLinks'
import { REQUEST_STATUSES, titleOf, type RequestStatus } from '#domain/vocabulary'

export interface Reference {
  _type: 'reference'
  _ref: string
  _key?: string
  _weak?: boolean
  _strengthenOnPublish?: { type: string }
}

export interface TalkRequestDoc {
  _id: string
  _type?: string
  status?: string
  reference?: string
  school?: string
  topic?: string
  prefecture?: string
  address?: string
  preferredWorkers?: Reference[]
  preferredDates?: { start?: string; end?: string }[]
  talk?: Reference
  replyNote?: string
}

export interface DraftTalk {
  _id: string
  _type: 'talk'
  title: string
  venueName?: string
  venueType: 'school'
  prefecture?: string
  county?: string
  speakers: Reference[]
  startsAt?: string
  status: 'planned'
  sourceRequest: Reference
}

/** Talks start at 09:00 Beijing time unless the editor changes it. */
export const DEFAULT_START_TIME = '09:00'

/** Deterministic, so pressing the button twice never creates two talks for one request. */
export function talkIdForRequest(requestId: string): string {
  return `talk-from-${publishedId(requestId)}`
}

/** A date (YYYY-MM-DD) at a Beijing wall-clock time, as the UTC instant Sanity stores. */
export function beijingDateTime(date: string, time = DEFAULT_START_TIME): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const instant = new Date(`${date}T${time}:00+08:00`)
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString()
}

/** The county named in the school's address, when it belongs to the request's prefecture. */
export function countyFromAddress(prefecture: string | undefined, address: string | undefined): string | undefined {
  if (!address) return undefined
  return findPrefecture(prefecture)?.counties.find((c) => address.includes(c.name))?.name
}

export function talkTitleFor(request: Pick<TalkRequestDoc, 'school' | 'topic'>): string {
  const school = request.school?.trim() || '学校'
  const topic = request.topic?.trim()
  return topic ? `“${topic}”劳模报告会——${school}专场` : `劳模进校园——${school}专场报告会`
}

/** The draft talk a request becomes: the editor completes location, time and speakers before publishing. */
export function talkFromRequest(request: TalkRequestDoc): DraftTalk {
  const firstDate = request.preferredDates?.find((d) => d.start)?.start
  const seen = new Set<string>()
  const speakers = (request.preferredWorkers ?? [])
    .filter((w) => w?._ref && !seen.has(w._ref) && seen.add(w._ref))
    .map((w, i) => ({ _type: 'reference' as const, _ref: w._ref, _key: w._key ?? `speaker${i}` }))
  const talk: DraftTalk = {
    _id: `drafts.${talkIdForRequest(request._id)}`,
    _type: 'talk',
    title: talkTitleFor(request),
    venueName: request.school?.trim() || undefined,
    venueType: 'school',
    prefecture: request.prefecture,
    county: countyFromAddress(request.prefecture, request.address),
    speakers,
    startsAt: firstDate ? beijingDateTime(firstDate) : undefined,
    status: 'planned',
    // Weak: a request can be deleted (e.g. for privacy) without touching the talk.
    sourceRequest: { _type: 'reference', _ref: publishedId(request._id), _weak: true },
  }
  // Sanity rejects explicit undefined in some paths; drop empty fields.
  for (const key of Object.keys(talk) as (keyof DraftTalk)[]) if (talk[key] === undefined) delete talk[key]
  return talk
}

/** What the request gets once its talk exists: a link to the (still draft) talk and status 已安排. */
export function requestPatchForTalk(talkId: string): { status: RequestStatus; talk: Reference } {
  return {
    status: 'scheduled',
    // The talk is only a draft yet: a weak reference that becomes strong when the talk is published.
    talk: { _type: 'reference', _ref: publishedId(talkId), _weak: true, _strengthenOnPublish: { type: 'talk' } },
  }
}

/** Why "安排报告会" cannot run for this request, or null when it can. */
export function scheduleBlockedReason(request: TalkRequestDoc | null | undefined): string | null {
  if (!request) return '请先保存申请'
  if (request.talk?._ref) return '已安排报告会，请在“安排的报告会”中打开'
  if (request.status === 'declined') return '申请已婉拒，如需安排请先重新打开'
  if (!request.school?.trim()) return '请先填写学校名称'
  return null
}

export interface StatusChange {
  to: RequestStatus
  label: string
}

/** One-click status changes offered for a request (已安排 comes from "安排报告会" or a linked talk). */
export function statusChanges(status: string | undefined, hasTalk: boolean): StatusChange[] {
  const to = (s: RequestStatus, label?: string): StatusChange => ({
    to: s,
    label: label ?? `标记为${titleOf(REQUEST_STATUSES, s)}`,
  })
  switch (status ?? 'new') {
    case 'new':
      return [to('contacted'), to('declined', '婉拒申请')]
    case 'contacted':
      return hasTalk ? [to('scheduled'), to('declined', '婉拒申请')] : [to('declined', '婉拒申请')]
    case 'declined':
      return [to('new', '重新打开')]
    case 'scheduled':
      return hasTalk ? [] : [to('contacted', '退回已联系')]
    default:
      return [to('new', '重新打开')]
  }
}

/** One entry of a request's `history` (its timeline, lib/requestTimeline.ts): which status, when, and why. */
export interface RequestEventValue {
  _key: string
  _type: 'requestEvent'
  status: RequestStatus
  at: string
  note?: string
}

export function requestEvent(status: RequestStatus, at: Date, note?: string): RequestEventValue {
  const event: RequestEventValue = {
    // Unique within one request's history: two changes in the same millisecond cannot both be clicks.
    _key: `${status}-${at.getTime().toString(36)}`,
    _type: 'requestEvent',
    status,
    at: at.toISOString(),
  }
  if (note?.trim()) event.note = note.trim()
  return event
}

/** The patches of a one-click status change: the status, and the change appended to the history. */
export function statusChangePatches(request: Pick<TalkRequestDoc, 'replyNote'>, to: RequestStatus, at: Date) {
  // Declining keeps the note the school was given with it, so the timeline still shows it after a reopen.
  const event = requestEvent(to, at, to === 'declined' ? request.replyNote : undefined)
  return [
    { set: { status: to } },
    { setIfMissing: { history: [] } },
    { insert: { after: 'history[-1]', items: [event] } },
  ]
}
