import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from './dataset.ts'
import { PREFECTURES } from './region.ts'
import {
  altDiffersFromCaption,
  atLeastOneSpeaker,
  countyInPrefecture,
  endNotBeforeStart,
  heldTalkHasAudience,
  locationInGansu,
  minorsNeedConsent,
  normaliseMainlandMobile,
  requiredText,
} from './validation.ts'

const docs = loadDatasetFile(DEFAULT_DATASET).documents as any[]
const talks = docs.filter((d) => d._type === 'talk')

describe('locationInGansu (warning)', () => {
  it('accepts every prefecture seat, county seat and sample talk location', () => {
    for (const p of PREFECTURES) {
      expect(locationInGansu(p)).toBe(true)
      for (const c of p.counties) expect(locationInGansu(c), c.name).toBe(true)
    }
    for (const t of talks.filter((t) => t.location)) expect(locationInGansu(t.location), t._id).toBe(true)
  })
  it('names a point outside Gansu and hints at swapped coordinates', () => {
    expect(locationInGansu({ lat: 31.2, lng: 121.5 })).toBe(
      '该位置（北纬 31.200，东经 121.500）不在甘肃省境内，请检查是否点错或经纬度填反',
    )
    // Inside Gansu's bounding box but in Qinghai / Ningxia: only the outline tells.
    expect(locationInGansu({ lat: 36.617, lng: 101.778 })).toMatch(/不在甘肃省境内/) // 西宁
    expect(locationInGansu({ lat: 38.487, lng: 106.231 })).toMatch(/不在甘肃省境内/) // 银川
    // Lanzhou with latitude and longitude swapped.
    expect(locationInGansu({ lat: 103.834, lng: 36.061 })).toMatch(/经纬度填反/)
  })
  it('leaves an empty or partial point to the required rule', () => {
    expect(locationInGansu(undefined)).toBe(true)
    expect(locationInGansu({ lat: 36 })).toBe(true)
  })
})

describe('countyInPrefecture (warning)', () => {
  it('accepts each county with its own prefecture and every sample talk', () => {
    for (const p of PREFECTURES) for (const c of p.counties) expect(countyInPrefecture(c.name, p.name)).toBe(true)
    for (const t of talks) expect(countyInPrefecture(t.county, t.prefecture), t._id).toBe(true)
  })
  it('flags a county of another prefecture', () => {
    expect(countyInPrefecture('陇西县', '兰州市')).toBe('“陇西县”不是兰州市下辖的县区，请核对')
  })
  it('says nothing without both values or for an unknown prefecture', () => {
    expect(countyInPrefecture(undefined, '兰州市')).toBe(true)
    expect(countyInPrefecture('陇西县', undefined)).toBe(true)
    expect(countyInPrefecture('陇西县', '北京市')).toBe(true)
  })
})

describe('heldTalkHasAudience (warning)', () => {
  it('asks for the audience of a held talk only', () => {
    expect(heldTalkHasAudience('held', undefined)).toBe('已举办的报告会请填写听众人数')
    expect(heldTalkHasAudience('held', 0)).toBe(true)
    expect(heldTalkHasAudience('planned', undefined)).toBe(true)
    expect(heldTalkHasAudience('cancelled', undefined)).toBe(true)
  })
})

describe('atLeastOneSpeaker', () => {
  it('requires a speaker', () => {
    expect(atLeastOneSpeaker(undefined)).toBe('请至少选择一位宣讲劳模')
    expect(atLeastOneSpeaker([])).toBe('请至少选择一位宣讲劳模')
    expect(atLeastOneSpeaker([{ _ref: 'w' }])).toBe(true)
  })
  it('holds for every sample talk', () => {
    for (const t of talks) expect(atLeastOneSpeaker(t.speakers), t._id).toBe(true)
  })
})

describe('endNotBeforeStart', () => {
  it('rejects an end before a start, for datetimes and dates', () => {
    expect(endNotBeforeStart('2026-01-01T03:00:00Z', '2026-01-01T02:00:00Z')).toBe('结束时间不能早于开始时间')
    expect(endNotBeforeStart('2026-03-08', '2026-03-01', '日期')).toBe('结束日期不能早于开始日期')
  })
  it('accepts equal instants written differently, later ends and missing values', () => {
    expect(endNotBeforeStart('2026-01-01T02:00:00Z', '2026-01-01T02:00:00.000Z')).toBe(true)
    expect(endNotBeforeStart('2026-01-01T02:00:00Z', '2026-01-01T03:30:00Z')).toBe(true)
    expect(endNotBeforeStart(undefined, '2026-01-01')).toBe(true)
    expect(endNotBeforeStart('2026-01-01', undefined)).toBe(true)
  })
  it('holds for every sample talk', () => {
    for (const t of talks) expect(endNotBeforeStart(t.startsAt, t.endsAt), t._id).toBe(true)
  })
})

describe('photo captions and alt text', () => {
  it('requires real text: missing, empty and blank fail with the given message', () => {
    for (const v of [undefined, null, '', '   ', 3]) expect(requiredText(v, '请填写图片说明')).toBe('请填写图片说明')
    expect(requiredText('兰州', '请填写图片说明')).toBe(true)
  })
  it('warns when the alt text only repeats the caption', () => {
    expect(altDiffersFromCaption('劳模在讲台上', ' 劳模在讲台上 ')).toMatch(/替代文字与图片说明完全相同/)
    expect(altDiffersFromCaption('画面：劳模站在讲台前，台下坐满学生', '劳模在讲台上')).toBe(true)
    expect(altDiffersFromCaption(undefined, '说明')).toBe(true)
  })
  it('every sample photo has a caption and an alt text of its own', () => {
    for (const p of docs.filter((d) => d._type === 'photo')) {
      expect(requiredText(p.caption, 'x'), p._id).toBe(true)
      expect(requiredText(p.alt, 'x'), p._id).toBe(true)
      expect(altDiffersFromCaption(p.alt, p.caption), p._id).toBe(true)
    }
  })
})

describe('minorsNeedConsent', () => {
  it('blocks a photo of minors without consent', () => {
    expect(minorsNeedConsent(true, false)).toBe('照片中有可辨认的未成年人，必须先取得监护人同意才能发布')
    expect(minorsNeedConsent(true, undefined)).toMatch(/监护人同意/)
    expect(minorsNeedConsent(true, true)).toBe(true)
    expect(minorsNeedConsent(false, undefined)).toBe(true)
  })
})

describe('normaliseMainlandMobile', () => {
  it('accepts mainland mobiles with spaces, dashes or +86, rejects the rest', () => {
    expect(normaliseMainlandMobile('138 0000 0001')).toBe('13800000001')
    expect(normaliseMainlandMobile('+86 138-0000-0001')).toBe('13800000001')
    expect(normaliseMainlandMobile('12800000001')).toBeNull()
    expect(normaliseMainlandMobile('0931-1234567')).toBeNull()
  })
})
