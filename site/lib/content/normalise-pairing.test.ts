import { describe, expect, it } from 'vitest'
import { normalisePairing } from './normalise'
import { pairingSchema } from './schemas'

const worker = { _id: 'w1', name: '某劳模', slug: 'mou-laomo', fictional: true }
const row = (changes: Record<string, unknown> = {}) => ({
  _id: 'pairing-1',
  school: '某小学',
  prefecture: '兰州市' as const,
  county: null,
  since: '2024-09-01',
  until: null,
  activities: '每学期一次讲座',
  worker: { ref: 'w1', pending: false, doc: worker },
  talks: null,
  ...changes,
})

describe('normalisePairing', () => {
  it('maps a pairing to what the collection expects', () => {
    const { data, warnings } = normalisePairing(row() as never)
    expect(warnings).toEqual([])
    expect(pairingSchema.parse(data)).toEqual({
      _id: 'pairing-1',
      school: '某小学',
      prefecture: '兰州市',
      since: '2024-09-01',
      activities: '每学期一次讲座',
      worker,
      talks: [],
    })
  })

  it('skips a pairing whose worker is missing or not published, naming document and field', () => {
    const dangling = normalisePairing(row({ worker: { ref: 'w-gone', pending: false, doc: null } }) as never)
    expect(dangling.data).toBeNull()
    expect(dangling.warnings).toEqual([
      'pairing pairing-1: field "worker" references "w-gone", which does not exist (dangling reference) — ignored',
      'pairing pairing-1: field "worker" has no published model worker to link — pairing not shown',
    ])
    const draft = normalisePairing(row({ worker: { ref: 'w-new', pending: true, doc: null } }) as never)
    expect(draft.data).toBeNull()
    expect(draft.warnings[0]).toContain('"w-new", which is not published yet')
    const absent = normalisePairing(row({ worker: null }) as never)
    expect(absent).toEqual({
      data: null,
      warnings: ['pairing pairing-1: field "worker" is missing (required) — document skipped'],
    })
  })

  it('keeps the pairing when one of its talks is gone, naming the talk', () => {
    const { data, warnings } = normalisePairing(
      row({
        talks: [
          { ref: 't1', pending: false, doc: { _id: 't1', title: '报告会', startsAt: '2025-03-01T01:00:00Z' } },
          { ref: 't2', pending: false, doc: null },
        ],
      }) as never,
    )
    expect(data?.talks).toEqual([{ _id: 't1', title: '报告会', startsAt: '2025-03-01T01:00:00Z' }])
    expect(warnings).toEqual([
      'pairing pairing-1: field "talks[1]" references "t2", which does not exist (dangling reference) — ignored',
    ])
  })
})
