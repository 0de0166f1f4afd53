/**
 * The site-settings document → the settings entry. Unlike the collections, a missing settings
 * document or field never hides anything: the site falls back to default titles and names it.
 */
import type { SETTINGS_QUERY_RESULT } from '#domain/sanity.types'
import type { SettingsInput } from './schemas'
import { icpProblem, psbProblem, siteCodeProblem } from '#domain/filing'
import { Problems, type Normalised } from './normalise'

/** What the site shows when the settings document (or its required fields) is missing. */
export const DEFAULT_SETTINGS = { title: '劳模宣讲', organisation: '甘肃省总工会' } as const

type SettingsRow = { [K in keyof NonNullable<SETTINGS_QUERY_RESULT>]?: NonNullable<SETTINGS_QUERY_RESULT>[K] | null }

/** Everything but where the content came from (the loader adds `isSample` and `sourceLabel`). */
export type SettingsFields = Omit<SettingsInput, 'isSample' | 'sourceLabel'>

export function normaliseSettings(row: SettingsRow | null | undefined): Normalised<SettingsFields> {
  const p = new Problems('siteSettings', 'siteSettings')
  if (!row) {
    p.warnings.push('siteSettings siteSettings: document is missing — using default titles')
    return { data: { ...DEFAULT_SETTINGS }, warnings: p.warnings }
  }
  for (const field of ['title', 'organisation'] as const) if (!row[field]) p.add(field, 'is missing — using default')
  const organisation = row.organisation || DEFAULT_SETTINGS.organisation
  // Optional text is kept as stored (an empty string included): pages decide what empty means.
  const optional = <T>(v: T | null | undefined): T | undefined => v ?? undefined
  const data: SettingsFields = {
    title: row.title || DEFAULT_SETTINGS.title,
    tagline: optional(row.tagline),
    organisation,
    logo: p.image('logo', row.logo, `${organisation}标志`),
    icp: optional(row.icp),
    psb: optional(row.psb),
    operator: optional(row.operator),
    siteCode: optional(row.siteCode),
    correctionEmail: optional(row.correctionEmail),
    bookingOffice: optional(row.bookingOffice),
    bookingPhone: optional(row.bookingPhone),
    bookingEmail: optional(row.bookingEmail),
    bookingNotes: optional(row.bookingNotes),
    mapProvider: optional(row.mapProvider),
    mapKey: optional(row.mapKey),
    mapApproval: optional(row.mapApproval),
  }
  // The Studio only warns about these formats, so a published value may still be off: shown as typed, named here.
  if (icpProblem(row.icp ?? undefined)) p.add('icp', `"${row.icp}" is not an ICP filing number — shown as typed`)
  if (psbProblem(row.psb ?? undefined))
    p.add('psb', `"${row.psb}" has no 14-digit filing number — linked to the search page`)
  if (siteCodeProblem(row.siteCode ?? undefined))
    p.add('siteCode', `"${row.siteCode}" is not 10 letters or digits — shown as typed`)
  // Unset fields are left out rather than stored as undefined keys: the entry names only what editors filled in.
  for (const key of Object.keys(data) as (keyof SettingsFields)[]) if (data[key] === undefined) delete data[key]
  return { data, warnings: p.warnings }
}
