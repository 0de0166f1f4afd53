/** Talk-request documents: the sample requests, one of them scheduled as a planned school talk. */
import type { GradeBand } from '#domain/vocabulary'
import { REQUESTS, type RequestSpec, type ScheduledRequestSpec } from './data/requests.ts'
import { chinaDate, plusDays } from './dates.ts'
import { assertIn } from './guards.ts'
import { ref, refItem, type Json } from './portable-text.ts'
import { key } from './random.ts'
import type { Talk } from './talks.ts'
import { requestMenuFields } from './topics.ts'
import { workerId } from './workers.ts'

/** The request a school sent for the first planned school talk from March 2027. */
function scheduledRequest(talks: Talk[], spec: ScheduledRequestSpec): RequestSpec {
  const talk = talks.find(
    (t) => t.draft.status === 'planned' && t.draft.venue.type === 'school' && t.startsAt >= '2027-03-01',
  )
  if (!talk) throw new Error('no planned school talk for the scheduled request')
  const v = talk.draft.venue
  const day = chinaDate(talk.startsAt)
  const gradeBand: GradeBand = v.name.includes('小学') ? 'primary' : v.name.includes('职业') ? 'vocational' : 'senior'
  const { fromPlannedSchoolTalk: _, ...fixed } = spec
  return {
    ...fixed,
    school: v.name,
    preferredWorkers: talk.draft.speakers.map(workerId),
    topic: talk.topic,
    dates: [[plusDays(day, -5), plusDays(day, 5)]],
    gradeBand,
    prefecture: v.prefecture,
    address: `${v.county}（示例地址）`,
    notes: `已安排：${talk.title}。`,
    talk: talk.id,
  }
}

/** References are LM-<China date received>-…, as the booking endpoint's; here a sequence that day. */
export function buildRequests(talks: Talk[]): Json[] {
  const specs = REQUESTS.map((s) => ('fromPlannedSchoolTalk' in s ? scheduledRequest(talks, s) : s))
  const perDay = new Map<string, number>()
  return specs.map((s, i) => {
    const day = chinaDate(s.receivedAt).replace(/-/g, '')
    const seq = (perDay.get(day) ?? 0) + 1
    perDay.set(day, seq)
    const id = `request-${String(i + 1).padStart(4, '0')}`
    return {
      _id: id,
      _type: 'talkRequest',
      status: assertIn('requestStatus', s.status),
      reference: `LM-${day}-${String(seq).padStart(4, '0')}`,
      receivedAt: s.receivedAt,
      school: s.school,
      contactName: s.contactName,
      phone: `138000000${String(i + 1).padStart(2, '0')}`,
      ...(s.email ? { email: s.email } : {}),
      ...(s.preferredWorkers ? { preferredWorkers: s.preferredWorkers.map((w) => refItem(`${id}.workers`, w)) } : {}),
      ...requestMenuFields(s.topic, (s.preferredWorkers?.length ?? 0) > 0),
      preferredDates: s.dates.map(([start, end], j) => ({ _type: 'dateRange', _key: key(id, 'dates', j), start, end })),
      gradeBand: assertIn('gradeBand', s.gradeBand),
      audienceSize: s.audienceSize,
      prefecture: s.prefecture,
      address: s.address,
      ...(s.notes ? { notes: s.notes } : {}),
      consent: true,
      ...(s.talk ? { talk: ref(s.talk) } : {}),
    }
  })
}
