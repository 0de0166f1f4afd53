/**
 * A request's whole life as the inbox shows it (已收到 → 已联系 → 已安排 → 已举办 → 反馈, or 已婉拒), built
 * from the request, its talk and the talk's feedback. Pure, for tests. The request's `history` (written by the
 * status buttons and "安排报告会") gives the times; a request saved before history existed still gets a
 * timeline from its fields, with the times it cannot know left out.
 */
import { REQUEST_STATUSES, titleOf, type RequestStatus } from '#domain/vocabulary'
import type { TalkRequestDoc } from './requestInbox'

export interface RequestEvent {
  _key?: string
  status?: string
  at?: string
  note?: string
}

export interface TimelineTalk {
  _id: string
  title?: string
  startsAt?: string
  status?: string
}

export interface TimelineFeedback {
  _id: string
  approved?: boolean
  _createdAt?: string
}

export type StepKind =
  'received' | 'contacted' | 'scheduled' | 'reopened' | 'declined' | 'held' | 'cancelled' | 'due' | 'feedback'

export interface TimelineStep {
  kind: StepKind
  label: string
  /** When it happened (UTC instant or date); absent when the request predates its history. */
  at?: string
  detail?: string
  /** The talk to open (published id) for 已安排 and what follows it. */
  talkId?: string
  /** Not yet happened (a scheduled talk still to come). */
  pending?: boolean
}

export type TimelineRequest = Pick<TalkRequestDoc, 'status' | 'talk'> & {
  receivedAt?: string
  _createdAt?: string
  replyNote?: string
  history?: RequestEvent[]
}

const isStatus = (s: unknown): s is RequestStatus => REQUEST_STATUSES.some((o) => o.value === s)

function statusStep(
  status: RequestStatus,
  at: string | undefined,
  note: string | undefined,
  talkId?: string,
): TimelineStep {
  const step: TimelineStep =
    status === 'new'
      ? { kind: 'reopened', label: '重新打开' }
      : { kind: status, label: titleOf(REQUEST_STATUSES, status) }
  if (at) step.at = at
  if (note?.trim()) step.detail = note.trim()
  if (status === 'scheduled' && talkId) step.talkId = talkId
  return step
}

/** The status changes: recorded ones in order, and the current status when the record does not end with it. */
function statusSteps(request: TimelineRequest): TimelineStep[] {
  const talkId = request.talk?._ref
  const events = (request.history ?? []).filter((e) => isStatus(e?.status))
  const steps = events.map((e) => statusStep(e.status as RequestStatus, e.at, e.note, talkId))
  const current = request.status ?? 'new'
  const last = events.at(-1)?.status ?? 'new'
  // Older requests (no history), or a status set by hand in the form: say what is known, without a time.
  if (isStatus(current) && current !== last) steps.push(statusStep(current, undefined, undefined, talkId))
  // The note to the school belongs with the latest 已婉拒 when the editor wrote it after the click.
  const declined = steps.findLast((s) => s.kind === 'declined')
  if (declined && !declined.detail && current === 'declined' && request.replyNote?.trim())
    declined.detail = request.replyNote.trim()
  return steps
}

/** What followed the talk: held (at its start), cancelled, or still to come; then each feedback. */
function talkSteps(talk: TimelineTalk, feedback: readonly TimelineFeedback[]): TimelineStep[] {
  const steps: TimelineStep[] = []
  const on = talk.startsAt ? { at: talk.startsAt } : {}
  if (talk.status === 'held') steps.push({ kind: 'held', label: '已举办', talkId: talk._id, ...on })
  else if (talk.status === 'cancelled')
    steps.push({ kind: 'cancelled', label: '报告会已取消', talkId: talk._id, ...on })
  else steps.push({ kind: 'due', label: '待举办', talkId: talk._id, pending: true, ...on })
  const sorted = [...feedback].sort((a, b) => (a._createdAt ?? '').localeCompare(b._createdAt ?? ''))
  for (const f of sorted)
    steps.push({
      kind: 'feedback',
      label: '收到反馈',
      detail: f.approved ? '已审核，可公开' : '待审核',
      ...(f._createdAt ? { at: f._createdAt } : {}),
    })
  return steps
}

/**
 * The timeline of one request. `talk` is the linked talk as the editors see it (draft or published; null when
 * there is none or it was deleted), `feedback` the feedback documents naming that talk.
 */
export function requestTimeline(
  request: TimelineRequest,
  talk: TimelineTalk | null | undefined,
  feedback: readonly TimelineFeedback[] = [],
): TimelineStep[] {
  const received = request.receivedAt ?? request._createdAt
  const steps: TimelineStep[] = [{ kind: 'received', label: '已收到', ...(received ? { at: received } : {}) }]
  steps.push(...statusSteps(request))
  const scheduled = steps.findLast((s) => s.kind === 'scheduled')
  if (scheduled && talk) scheduled.detail = talk.title?.trim() || '（未填写标题的报告会）'
  else if (scheduled && request.talk?._ref) scheduled.detail = '关联的报告会已不存在'
  // A talk still linked to a declined or reopened request is history, not what happens next.
  if (talk && (request.status ?? 'new') === 'scheduled') steps.push(...talkSteps(talk, feedback))
  return steps
}

/** An instant as editors read it: Beijing date and time; a plain date stays a date. */
export function beijingDateTimeLabel(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at
  const t = Date.parse(at)
  if (Number.isNaN(t)) return at
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The linked talk as editors see it (its draft when there is one: "安排报告会" creates a draft) and the
 * feedback documents naming it. Run with the `raw` perspective, so drafts are visible.
 */
export const TIMELINE_QUERY = /* groq */ `{
  "talk": coalesce(*[_type == "talk" && _id == "drafts." + $talkId][0], *[_type == "talk" && _id == $talkId][0]){
    _id, title, startsAt, status
  },
  "feedback": *[_type == "talkFeedback" && talk._ref == $talkId && !(_id in path("drafts.**"))] | order(_createdAt asc){ _id, approved, _createdAt }
}`

export interface TimelineData {
  talk: TimelineTalk | null
  feedback: TimelineFeedback[]
}

export async function fetchTimelineData(
  client: {
    fetch: (query: string, params: Record<string, unknown>, options: { perspective: 'raw' }) => Promise<unknown>
  },
  talkId: string | undefined,
): Promise<TimelineData> {
  if (!talkId) return { talk: null, feedback: [] }
  const result = (await client.fetch(
    TIMELINE_QUERY,
    { talkId },
    { perspective: 'raw' },
  )) as Partial<TimelineData> | null
  const talk = result?.talk ? { ...result.talk, _id: result.talk._id.replace(/^drafts\./, '') } : null
  return { talk, feedback: result?.feedback ?? [] }
}
