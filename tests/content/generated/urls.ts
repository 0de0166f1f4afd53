/** The site's URL contract (every segment percent-encoded) and small readers of document fields, for the checks. */
import type { Doc } from '../../../scripts/content-fixtures/ids.ts'
import { PREFECTURES } from '#domain/region'

const enc = encodeURIComponent
export const workerPath = (slug: string) => `/workers/${enc(slug)}/`
export const talkPath = (id: string) => `/talks/${enc(id)}/`
export const talkPoster = (id: string) => `${talkPath(id)}poster/`
export const workerPrint = (slug: string) => `${workerPath(slug)}print/`
export const photoPath = (id: string) => `/photos/${enc(id)}/`
export const tourPath = (slug: string) => `/tours/${enc(slug)}/`
export const storyPath = (slug: string) => `/stories/${enc(slug)}/`
export const workerFeed = (slug: string) => `/calendar/workers/${enc(slug)}.ics`
export const talkFeed = (id: string) => `/calendar/talks/${enc(id)}.ics`
export const prefectureFeed = (name: string) =>
  `/calendar/prefectures/${enc(PREFECTURES.find((p) => p.name === name)!.slug)}.ics`

export const slugOf = (d: Doc) => (d.slug as { current: string }).current
export const refsOf = (v: unknown): string[] => (Array.isArray(v) ? v.map((r) => (r as { _ref: string })._ref) : [])
export const refOf = (v: unknown): string | undefined => (v as { _ref?: string } | undefined)?._ref
export const decodePath = (p: string) =>
  p
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
    .join('/')
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** "09:30": the time of day in China. */
export const chinaTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(iso))
    .replace(/^24/, '00')
/** "2026年5月12日": the day in China. */
export const chinaDay = (iso: string) => {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso)).split('-')
  return `${Number(y)}年${Number(m)}月${Number(d)}日`
}
