/**
 * Pure validation rules behind the schema's `validation` callbacks, kept free of Sanity
 * imports so unit tests can exercise every message. Each returns `true` or a Chinese message.
 */
import { findPrefecture, isInRegionBounds } from './region.ts'
import { isInRegionOutline } from './region/contains.ts'

export type RuleResult = true | string

export interface GeoPoint {
  lat?: number
  lng?: number
}

export function locationInGansu(point: GeoPoint | undefined): RuleResult {
  if (!point || typeof point.lat !== 'number' || typeof point.lng !== 'number') return true
  // The bounding box is a cheap first test; the outline catches neighbours inside it (e.g. Xining).
  return isInRegionBounds(point.lat, point.lng) && isInRegionOutline(point.lat, point.lng)
    ? true
    : `该位置（北纬 ${point.lat.toFixed(3)}，东经 ${point.lng.toFixed(3)}）不在甘肃省境内，请检查是否点错或经纬度填反`
}

export function countyInPrefecture(county: string | undefined, prefecture: string | undefined): RuleResult {
  if (!county || !prefecture) return true
  const p = findPrefecture(prefecture)
  if (!p) return true
  return p.counties.some((c) => c.name === county) ? true : `“${county}”不是${prefecture}下辖的县区，请核对`
}

export function heldTalkHasAudience(status: string | undefined, audienceSize: number | undefined): RuleResult {
  if (status === 'held' && (audienceSize === undefined || audienceSize === null)) {
    return '已举办的报告会请填写听众人数'
  }
  return true
}

export function atLeastOneSpeaker(speakers: unknown[] | undefined): RuleResult {
  return Array.isArray(speakers) && speakers.length > 0 ? true : '请至少选择一位宣讲劳模'
}

/** Ends (datetime or date) must not come before starts; instants are compared as instants. */
export function endNotBeforeStart(start: string | undefined, end: string | undefined, unit = '时间'): RuleResult {
  if (!start || !end) return true
  const [a, b] = [Date.parse(start), Date.parse(end)]
  const before = Number.isNaN(a) || Number.isNaN(b) ? end < start : b < a
  return before ? `结束${unit}不能早于开始${unit}` : true
}

/** A text field that must say something: missing, empty and whitespace-only all fail. */
export function requiredText(value: unknown, message: string): RuleResult {
  return typeof value === 'string' && value.trim() !== '' ? true : message
}

/** Alt text describes the picture for screen readers; a copy of the caption tells them nothing new. */
export function altDiffersFromCaption(alt: string | undefined, caption: string | undefined): RuleResult {
  if (!alt?.trim() || !caption?.trim()) return true
  return alt.trim() === caption.trim() ? '替代文字与图片说明完全相同，请描述画面本身（人物、动作、场景）' : true
}

export function minorsNeedConsent(showsMinors: boolean | undefined, consent: boolean | undefined): RuleResult {
  return showsMinors && !consent ? '照片中有可辨认的未成年人，必须先取得监护人同意才能发布' : true
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]; spaces, dashes and +86 tolerated. */
export function normaliseMainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}
