import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { z } from 'astro/zod'
import { describe, expect, it } from 'vitest'
import { loadDatasetFile } from '#domain/dataset'
import { datasetSource } from './executors'
import { SETTINGS_QUERY } from './queries'
import { settingsSchema } from './schemas'
import { DEFAULT_SETTINGS, normaliseSettings } from './settings'

/** Runs the real settings query over a one-document dataset (with a logo file beside it). */
async function load(doc: Record<string, unknown> | null) {
  const dir = mkdtempSync(path.join(tmpdir(), 'laomo-settings-'))
  mkdirSync(path.join(dir, 'images'))
  copyFileSync(path.resolve('public/logo.svg'), path.join(dir, 'images', 'logo.svg'))
  const file = path.join(dir, 'data.ndjson')
  writeFileSync(file, doc ? JSON.stringify(doc) + '\n' : '')
  const source = datasetSource(loadDatasetFile(file).documents, { label: 'test', isSample: false, file })
  const row = await source.fetch<Parameters<typeof normaliseSettings>[0]>(SETTINGS_QUERY, {
    settingsId: 'siteSettings',
  })
  const { data, warnings } = normaliseSettings(row)
  // What the collection accepts (the image helper is a plain path in unit tests).
  const parsed = settingsSchema(() => z.string()).parse({ ...data, isSample: false, sourceLabel: 'test' })
  return { parsed, warnings }
}

const base = { _id: 'siteSettings', _type: 'siteSettings', title: '某站', organisation: '某县总工会' }
const logo = (extra: Record<string, unknown> = {}) => ({
  _type: 'image',
  _sanityAsset: 'image@file://./images/logo.svg',
  ...extra,
})

describe('site settings load with and without a logo', () => {
  it('without a logo: no logo, no warning', async () => {
    const { parsed, warnings } = await load(base)
    expect(parsed).toMatchObject({ title: '某站', organisation: '某县总工会' })
    expect(parsed.logo).toBeUndefined()
    expect(warnings).toEqual([])
  })

  it('with a logo: its file and alt text', async () => {
    const { parsed, warnings } = await load({ ...base, logo: logo({ alt: '某县总工会会徽' }) })
    expect(parsed.logo).toMatchObject({ src: './images/logo.svg', alt: '某县总工会会徽' })
    expect(warnings).toEqual([])
  })

  it('a logo without alt text is named by the organisation, and the gap is named', async () => {
    const { parsed, warnings } = await load({ ...base, logo: logo() })
    expect(parsed.logo?.alt).toBe('某县总工会标志')
    expect(warnings).toEqual([
      'siteSettings siteSettings: field "logo.alt" is missing — using the caption or name as alt text',
    ])
  })

  it('a logo whose file is gone is left out with a warning, the settings still load', async () => {
    const { parsed, warnings } = await load({ ...base, logo: { _type: 'image', asset: { _ref: 'image-gone' } } })
    expect(parsed.logo).toBeUndefined()
    expect(warnings).toEqual([expect.stringMatching(/^siteSettings siteSettings: field "logo" has no usable image/)])
  })

  it('a missing document or title falls back to the defaults, named', async () => {
    const missing = await load(null)
    expect(missing.parsed).toMatchObject(DEFAULT_SETTINGS)
    expect(missing.warnings).toEqual(['siteSettings siteSettings: document is missing — using default titles'])
    const untitled = await load({ ...base, title: null })
    expect(untitled.parsed.title).toBe(DEFAULT_SETTINGS.title)
    expect(untitled.warnings).toEqual(['siteSettings siteSettings: field "title" is missing — using default'])
  })

  it('filing numbers in the wrong format are kept as typed and named, field by field', async () => {
    const { parsed, warnings } = await load({ ...base, icp: '陇ICP12号', psb: '甘公网安备 123号', siteCode: '62-0001' })
    expect(parsed).toMatchObject({ icp: '陇ICP12号', psb: '甘公网安备 123号', siteCode: '62-0001' })
    expect(warnings.map((w) => /field "(\w+)"/.exec(w)?.[1])).toEqual(['icp', 'psb', 'siteCode'])
    const fine = await load({
      ...base,
      icp: '陇ICP备12345678号-2',
      psb: '甘公网安备62010202000123号',
      siteCode: 'BM01000001',
    })
    expect(fine.warnings).toEqual([])
  })
})
