import { describe, expect, it } from 'vitest'
import { REQUEST_STATUSES, type RequestStatus } from '#domain/vocabulary'
import {
  beijingDateTimeLabel,
  fetchTimelineData,
  requestTimeline,
  TIMELINE_QUERY,
  type RequestEvent,
  type TimelineFeedback,
  type TimelineRequest,
  type TimelineTalk,
} from './requestTimeline'
import { requestEvent, statusChangePatches } from './requestInbox'

/** A small deterministic generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STATUSES = REQUEST_STATUSES.map((s) => s.value)
type TalkState = 'none' | 'planned' | 'held' | 'cancelled' | 'deleted'

interface Case {
  name: string
  request: TimelineRequest
  talk: TimelineTalk | null
  feedback: TimelineFeedback[]
}

/** Requests in every status, with and without history, each talk state and 0–2 feedback documents. */
function generated(): Case[] {
  const rnd = random(26)
  const day = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 86_400_000 + Math.floor(rnd() * 36e6))
  const cases: Case[] = []
  let n = 0
  for (const status of STATUSES)
    for (const withHistory of [true, false])
      for (const talkState of ['none', 'planned', 'held', 'cancelled', 'deleted'] as TalkState[])
        for (const feedbackCount of [0, 1, 2]) {
          n++
          const talkId = `talk-${n}`
          const linked = talkState !== 'none'
          const history: RequestEvent[] = []
          if (withHistory) {
            // A plausible path to the status: contacted first, sometimes declined and reopened on the way.
            const path: RequestStatus[] = ['contacted']
            if (rnd() < 0.4) path.push('declined', 'new', 'contacted')
            if (status === 'scheduled') path.push('scheduled')
            if (status === 'declined') path.push('declined')
            if (status === 'new') path.push('new')
            path.forEach((s, i) =>
              history.push(requestEvent(s, day(i + 1), s === 'declined' ? `说明${n}-${i}` : undefined)),
            )
          }
          const request: TimelineRequest = {
            status,
            receivedAt: day(0).toISOString(),
            replyNote: rnd() < 0.5 ? `给学校的说明 ${n}` : undefined,
            ...(linked ? { talk: { _type: 'reference', _ref: talkId } } : {}),
            ...(withHistory ? { history } : {}),
          }
          const talk =
            linked && talkState !== 'deleted'
              ? { _id: talkId, title: `报告会 ${n}`, startsAt: day(30).toISOString(), status: talkState }
              : null
          const feedback = Array.from({ length: feedbackCount }, (_, i) => ({
            _id: `fb-${n}-${i}`,
            approved: rnd() < 0.5,
            _createdAt: day(40 - i).toISOString(),
          }))
          cases.push({
            name: `${status}/${withHistory ? 'history' : 'legacy'}/${talkState}/${feedbackCount}`,
            request,
            talk,
            feedback,
          })
        }
  return cases
}

const statusKinds = new Set(['contacted', 'scheduled', 'declined', 'reopened'])

describe('requestTimeline on generated requests in every state', () => {
  const cases = generated()

  it('covers every status, with and without history, every talk state and feedback count', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(STATUSES.length * 2 * 5 * 3)
  })

  for (const c of cases)
    it(c.name, () => {
      const steps = requestTimeline(c.request, c.talk, c.feedback)
      const status = c.request.status!
      // Always starts with 已收到 at the time the request came in.
      expect(steps[0]).toMatchObject({ kind: 'received', label: '已收到', at: c.request.receivedAt })

      const changes = steps.filter((s) => statusKinds.has(s.kind))
      const history = c.request.history ?? []
      // Every recorded change, in order and with its time; the record always ends at the current status here.
      expect(changes.map((s) => s.at)).toEqual(
        history.length ? history.map((e) => e.at) : status === 'new' ? [] : [undefined],
      )
      const last = changes.at(-1)?.kind ?? 'received'
      expect(last).toBe(status === 'new' ? (history.length ? 'reopened' : 'received') : status)

      for (const s of changes.filter((x) => x.kind === 'scheduled')) {
        expect(s.talkId).toBe(c.request.talk?._ref)
        if (c.talk) expect(s.detail).toBe(c.talk.title)
        else if (c.request.talk) expect(s.detail).toBe('关联的报告会已不存在')
      }
      const declined = changes.findLast((s) => s.kind === 'declined')
      if (declined) {
        const recorded = history.findLast((e) => e.status === 'declined')?.note
        expect(declined.detail).toBe(recorded ?? c.request.replyNote)
      }

      // What followed the talk shows only while the request is scheduled and its talk exists.
      const follows = status === 'scheduled' && c.talk !== null
      const held = steps.filter((s) => s.kind === 'held')
      expect(held).toEqual(
        follows && c.talk!.status === 'held'
          ? [expect.objectContaining({ talkId: c.talk!._id, at: c.talk!.startsAt })]
          : [],
      )
      expect(steps.some((s) => s.kind === 'due')).toBe(follows && c.talk!.status === 'planned')
      expect(steps.some((s) => s.kind === 'cancelled')).toBe(follows && c.talk!.status === 'cancelled')
      const feedback = steps.filter((s) => s.kind === 'feedback')
      expect(feedback).toHaveLength(follows ? c.feedback.length : 0)
      // Oldest feedback first, each saying whether it may be shown.
      const sorted = [...c.feedback].sort((a, b) => a._createdAt!.localeCompare(b._createdAt!))
      feedback.forEach((f, i) => {
        expect(f.at).toBe(sorted[i]!._createdAt)
        expect(f.detail).toBe(sorted[i]!.approved ? '已审核，可公开' : '待审核')
      })
    })
})

describe('requestTimeline, by example', () => {
  it('a request from before history existed: what its fields say, without invented times', () => {
    const steps = requestTimeline(
      { status: 'declined', receivedAt: '2025-10-01T02:00:00Z', replyNote: '该时段劳模另有安排，建议改约下学期。' },
      null,
    )
    expect(steps).toEqual([
      { kind: 'received', label: '已收到', at: '2025-10-01T02:00:00Z' },
      { kind: 'declined', label: '已婉拒', detail: '该时段劳模另有安排，建议改约下学期。' },
    ])
  })

  it('a status set by hand after the recorded ones is shown last, without a time', () => {
    const history = [requestEvent('contacted', new Date('2026-03-02T01:00:00Z'))]
    const steps = requestTimeline({ status: 'declined', receivedAt: '2026-03-01T01:00:00Z', history }, null)
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['received', '2026-03-01T01:00:00Z'],
      ['contacted', '2026-03-02T01:00:00.000Z'],
      ['declined', undefined],
    ])
  })

  it('falls back to the document creation time when receivedAt is missing', () => {
    expect(requestTimeline({ _createdAt: '2026-01-05T00:00:00Z' }, null)[0]!.at).toBe('2026-01-05T00:00:00Z')
  })

  it('reads times in Beijing time', () => {
    expect(beijingDateTimeLabel('2026-05-12T17:30:00.000Z')).toBe('2026-05-13 01:30')
    expect(beijingDateTimeLabel('2026-05-12')).toBe('2026-05-12')
  })
})

describe('status changes record themselves', () => {
  it('sets the status and appends the change, keeping the note given with 已婉拒', () => {
    const at = new Date('2026-04-01T03:04:05.678Z')
    const patches = statusChangePatches({ replyNote: ' 请改约下学期 ' }, 'declined', at)
    expect(patches).toEqual([
      { set: { status: 'declined' } },
      { setIfMissing: { history: [] } },
      {
        insert: {
          after: 'history[-1]',
          items: [
            {
              _key: `declined-${at.getTime().toString(36)}`,
              _type: 'requestEvent',
              status: 'declined',
              at: at.toISOString(),
              note: '请改约下学期',
            },
          ],
        },
      },
    ])
    expect(statusChangePatches({ replyNote: 'x' }, 'contacted', at)[2]!.insert!.items[0]).not.toHaveProperty('note')
  })
})

describe('fetchTimelineData', () => {
  it('asks for the talk and its feedback with the raw perspective, and links the published id', async () => {
    const calls: unknown[] = []
    const client = {
      fetch: async (...args: unknown[]) => {
        calls.push(args)
        return { talk: { _id: 'drafts.talk-from-r1', title: 'T', status: 'planned' }, feedback: [] }
      },
    }
    expect(await fetchTimelineData(client, 'talk-from-r1')).toEqual({
      talk: { _id: 'talk-from-r1', title: 'T', status: 'planned' },
      feedback: [],
    })
    expect(calls).toEqual([[TIMELINE_QUERY, { talkId: 'talk-from-r1' }, { perspective: 'raw' }]])
    expect(await fetchTimelineData(client, undefined)).toEqual({ talk: null, feedback: [] })
    expect(calls).toHaveLength(1)
  })
})
