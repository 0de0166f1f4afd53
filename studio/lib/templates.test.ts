import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import { beijingDate, photoForTalkValue, talkForWorkerValue } from './templates'

const docs = loadDatasetFile(DEFAULT_DATASET).documents as any[]

describe('initial value templates', () => {
  it('a new talk for a worker lists that worker as speaker', () => {
    expect(talkForWorkerValue('worker-yan-guizhen')).toEqual({
      status: 'planned',
      speakers: [{ _type: 'reference', _ref: 'worker-yan-guizhen', _key: 'speaker0' }],
    })
  })

  it('a new photo for a sample talk links the talk and its speakers, place and Beijing date', () => {
    const talk = docs.find((d) => d._type === 'talk' && d.speakers?.length > 1) ?? docs.find((d) => d._type === 'talk')
    const value = photoForTalkValue(`drafts.${talk._id}`, talk)
    expect(value.talk).toEqual({ _type: 'reference', _ref: talk._id })
    expect(value.people.map((p) => p._ref)).toEqual(talk.speakers.map((s: any) => s._ref))
    expect(new Set(value.people.map((p) => p._key)).size).toBe(value.people.length)
    expect(value).toMatchObject({ prefecture: talk.prefecture, place: talk.venueName, showsMinors: false })
    expect(value.takenAt).toBe(beijingDate(talk.startsAt))
  })

  it('a photo for an unknown talk still links the talk and leaves the rest empty', () => {
    expect(photoForTalkValue('talk-x', null)).toEqual({
      talk: { _type: 'reference', _ref: 'talk-x' },
      people: [],
      showsMinors: false,
      placeholder: false,
    })
  })

  it('dates a talk in Beijing time', () => {
    expect(beijingDate('2025-01-08T17:00:00Z')).toBe('2025-01-09')
    expect(beijingDate('2025-01-08T02:00:00Z')).toBe('2025-01-08')
    expect(beijingDate('nonsense')).toBeUndefined()
  })
})
