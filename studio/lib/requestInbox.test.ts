import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import {
  beijingDateTime,
  countyFromAddress,
  requestPatchForTalk,
  scheduleBlockedReason,
  statusChanges,
  talkFromRequest,
  talkIdForRequest,
  type TalkRequestDoc,
} from './requestInbox'
import { atLeastOneSpeaker } from '#domain/validation'

const { documents } = loadDatasetFile(DEFAULT_DATASET)
const requests = documents.filter((d) => d._type === 'talkRequest') as unknown as TalkRequestDoc[]

describe('talkFromRequest (安排报告会)', () => {
  it('prefills a planned school talk from every request in the sample dataset', () => {
    expect(requests.length).toBeGreaterThan(0)
    for (const request of requests) {
      const talk = talkFromRequest(request)
      expect(talk._id).toBe(`drafts.talk-from-${request._id}`)
      expect(talk._type).toBe('talk')
      expect(talk.status).toBe('planned')
      expect(talk.venueType).toBe('school')
      expect(talk.venueName).toBe(request.school)
      expect(talk.title).toContain(request.school!)
      if (request.topic) expect(talk.title).toContain(request.topic)
      expect(talk.prefecture).toBe(request.prefecture)
      expect(talk.speakers.map((s) => s._ref)).toEqual((request.preferredWorkers ?? []).map((w) => w._ref))
      const first = request.preferredDates?.find((d) => d.start)?.start
      // 09:00 in Beijing is 01:00 UTC the same day.
      expect(talk.startsAt).toBe(first ? `${first}T01:00:00.000Z` : undefined)
      expect(talk.sourceRequest).toEqual({ _type: 'reference', _ref: request._id, _weak: true })
    }
  })

  it('gives a draft id derived from the published request id, so a second click finds the same talk', () => {
    expect(talkIdForRequest('drafts.request-0001')).toBe('talk-from-request-0001')
    expect(talkFromRequest({ _id: 'drafts.request-0001', school: 'A' })._id).toBe('drafts.talk-from-request-0001')
  })

  it('handles a bare request: default title, no empty fields, speakers de-duplicated', () => {
    const talk = talkFromRequest({
      _id: 'r1',
      school: '  白银市第一中学 ',
      preferredWorkers: [
        { _type: 'reference', _ref: 'w1', _key: 'a' },
        { _type: 'reference', _ref: 'w1', _key: 'b' },
        { _type: 'reference', _ref: 'w2' },
      ],
      preferredDates: [{ end: '2027-01-02' }, { start: 'not-a-date' }],
    })
    expect(talk.title).toBe('劳模进校园——白银市第一中学专场报告会')
    expect(talk.venueName).toBe('白银市第一中学')
    expect(talk.speakers).toEqual([
      { _type: 'reference', _ref: 'w1', _key: 'a' },
      { _type: 'reference', _ref: 'w2', _key: 'speaker1' },
    ])
    expect('startsAt' in talk).toBe(false)
    expect('prefecture' in talk).toBe(false)
    expect('county' in talk).toBe(false)
  })

  it('a request with no preferred worker gives a talk the speaker rule flags', () => {
    const talk = talkFromRequest({ _id: 'r2', school: 'X' })
    expect(atLeastOneSpeaker(talk.speakers)).not.toBe(true)
  })

  it('finds the county in the address only within the prefecture', () => {
    expect(countyFromAddress('兰州市', '兰州市城关区某路1号')).toBe('城关区')
    expect(countyFromAddress('白银市', '兰州市城关区某路1号')).toBeUndefined()
    expect(countyFromAddress(undefined, '城关区')).toBeUndefined()
  })

  it('converts a Beijing date to the UTC instant', () => {
    expect(beijingDateTime('2027-03-08')).toBe('2027-03-08T01:00:00.000Z')
    expect(beijingDateTime('2027-03-08', '07:30')).toBe('2027-03-07T23:30:00.000Z')
    expect(beijingDateTime('2027-3-8')).toBeUndefined()
  })
})

describe('requestPatchForTalk', () => {
  it('marks the request 已安排 and links the draft talk with a reference that strengthens on publish', () => {
    expect(requestPatchForTalk('drafts.talk-from-request-0001')).toEqual({
      status: 'scheduled',
      talk: {
        _type: 'reference',
        _ref: 'talk-from-request-0001',
        _weak: true,
        _strengthenOnPublish: { type: 'talk' },
      },
    })
  })
})

describe('scheduleBlockedReason', () => {
  it('allows a new or contacted request with a school', () => {
    expect(scheduleBlockedReason({ _id: 'r', school: 'A', status: 'new' })).toBeNull()
    expect(scheduleBlockedReason({ _id: 'r', school: 'A', status: 'contacted' })).toBeNull()
  })
  it('blocks an unsaved, already scheduled, declined or school-less request with a Chinese reason', () => {
    expect(scheduleBlockedReason(null)).toMatch(/保存/)
    expect(scheduleBlockedReason({ _id: 'r', school: 'A', talk: { _type: 'reference', _ref: 't' } })).toMatch(/已安排/)
    expect(scheduleBlockedReason({ _id: 'r', school: 'A', status: 'declined' })).toMatch(/婉拒/)
    expect(scheduleBlockedReason({ _id: 'r', school: ' ' })).toMatch(/学校名称/)
  })
})

describe('statusChanges', () => {
  it('offers 新申请 → 已联系 / 已婉拒, 已联系 → 已婉拒 (已安排 once a talk is linked), and reopening', () => {
    expect(statusChanges('new', false)).toEqual([
      { to: 'contacted', label: '标记为已联系' },
      { to: 'declined', label: '婉拒申请' },
    ])
    expect(statusChanges(undefined, false).map((c) => c.to)).toEqual(['contacted', 'declined'])
    expect(statusChanges('contacted', false).map((c) => c.to)).toEqual(['declined'])
    expect(statusChanges('contacted', true)).toContainEqual({ to: 'scheduled', label: '标记为已安排' })
    expect(statusChanges('declined', false)).toEqual([{ to: 'new', label: '重新打开' }])
    expect(statusChanges('scheduled', true)).toEqual([])
    expect(statusChanges('scheduled', false).map((c) => c.to)).toEqual(['contacted'])
  })
})
