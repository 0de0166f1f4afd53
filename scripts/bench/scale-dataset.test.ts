import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDatasetFile } from '#domain/dataset'
import {
  copyId,
  deleteDocuments,
  editDocument,
  parseNdjson,
  patchDocument,
  scaleDocuments,
  SCALED_TYPES,
  writeScaledDataset,
  type Doc,
} from './scale-dataset'

const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../studio/seed/data.ndjson')
const sample = parseNdjson(readFileSync(SAMPLE_FILE, 'utf8'))
const countOf = (docs: readonly Doc[], type: string) => docs.filter((d) => d._type === type).length
const sampleTalks = countOf(sample, 'talk')

/** Every `_ref` in a document tree. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '_ref' && typeof v === 'string') found.push(v)
      else refs(v, found)
    }
  }
  return found
}
const dangling = (docs: readonly Doc[]) => {
  const ids = new Set(docs.map((d) => d._id))
  return docs.flatMap((d) => refs(d).filter((r) => !ids.has(r)))
}
/** Slugs of published documents (a draft shares its document's slug, as in Sanity). */
const slugs = (docs: readonly Doc[], type: string) =>
  docs
    .filter((d) => d._type === type && !d._id.startsWith('drafts.'))
    .map((d) => (d.slug as { current: string } | undefined)?.current)

describe('scaleDocuments', () => {
  it('at the sample’s own size returns the sample unchanged', () => {
    const scaled = scaleDocuments(sample, { talks: sampleTalks })
    expect(scaled).toHaveLength(sample.length)
    expect(new Set(scaled.map((d) => JSON.stringify(d)))).toEqual(new Set(sample.map((d) => JSON.stringify(d))))
  })

  it.each([10, 50, 200])(
    'at %i× multiplies talks, workers, photos and stories, and keeps tours and settings',
    (factor) => {
      const scaled = scaleDocuments(sample, { talks: sampleTalks * factor })
      for (const type of SCALED_TYPES) expect(countOf(scaled, type), type).toBe(countOf(sample, type) * factor)
      for (const type of ['tour', 'siteSettings']) expect(countOf(scaled, type), type).toBe(countOf(sample, type))
    },
  )

  // 200× the sample is the growth benchmark's largest scale (issue 25: 42,600 talks from the 213 of today's sample).
  it.each([2000, 20000, sampleTalks * 200])(
    'gives exactly %i talks with unique ids and slugs and no new dangling reference',
    (talks) => {
      const scaled = scaleDocuments(sample, { talks })
      expect(countOf(scaled, 'talk')).toBe(talks)
      const prefectures = (docs: readonly Doc[]) =>
        new Set(docs.filter((d) => d._type === 'talk').map((d) => d.prefecture))
      expect(prefectures(scaled)).toEqual(prefectures(sample))
      expect(new Set(scaled.map((d) => d._id)).size).toBe(scaled.length)
      for (const type of ['modelWorker', 'story', 'tour']) {
        const s = slugs(scaled, type)
        expect(new Set(s).size, type).toBe(s.length)
      }
      expect(dangling(scaled)).toEqual(dangling(sample))
    },
  )

  it('wires each copy’s references to its own copy of the worker, photo and talk', () => {
    const scaled = scaleDocuments(sample, { talks: sampleTalks * 3 })
    const talk = sample.find((d) => d._type === 'talk' && refs(d).length > 1)!
    const third = scaled.find((d) => d._id === copyId(talk._id, 2))!
    const tourIds = new Set(sample.filter((d) => d._type === 'tour').map((d) => d._id))
    expect(refs(third)).toEqual(refs(talk).map((r) => (tourIds.has(r) ? r : copyId(r, 2))))
  })

  it('moves copied talks a little, deterministically, and keeps them inside Gansu’s box', () => {
    const a = scaleDocuments(sample, { talks: 2000 })
    const b = scaleDocuments(sample, { talks: 2000 })
    expect(a).toEqual(b)
    const original = sample.find((d) => d._type === 'talk' && d.location)!
    const copy = a.find((d) => d._id === copyId(original._id, 1))!
    const [o, c] = [original.location, copy.location] as { lat: number; lng: number }[]
    expect(c).not.toEqual(o)
    expect(Math.abs(c!.lat - o!.lat)).toBeLessThanOrEqual(0.03)
    expect(Math.abs(c!.lng - o!.lng)).toBeLessThanOrEqual(0.03)
  })

  it('rejects a talk count below one', () => {
    expect(() => scaleDocuments(sample, { talks: 0 })).toThrow(/talks must be/)
  })
})

describe('writeScaledDataset', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'laomo-scale-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes NDJSON whose images are the sample’s own files, read back by the content module without warnings', () => {
    const { file } = writeScaledDataset(SAMPLE_FILE, path.join(dir, 'x10'), sampleTalks * 10)
    const loaded = loadDatasetFile(file)
    expect(loaded.warnings).toEqual([])
    const assets = loaded.documents.filter((d) => d._type === 'sanity.imageAsset')
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      expect(existsSync(asset.path as string)).toBe(true)
      expect(path.dirname(asset.path as string)).toBe(path.resolve(path.dirname(SAMPLE_FILE), 'images'))
    }
    expect(countOf(loaded.documents, 'talk')).toBe(sampleTalks * 10)
  })
})

describe('editDocument', () => {
  it('changes one document’s title and leaves the others as they were', () => {
    const edited = editDocument(sample, 'talk-001', 2)
    const changed = edited.filter((d, i) => d !== sample[i])
    expect(changed.map((d) => d._id)).toEqual(['talk-001'])
    expect(changed[0]!.title).toMatch(/修订 2/)
    expect(() => editDocument(sample, 'nope', 1)).toThrow(/no document nope/)
  })
})

describe('patchDocument', () => {
  it('sets the given fields of one document only', () => {
    const patched = patchDocument(sample, 'siteSettings', { organisation: '某工会' })
    expect(patched.filter((d, i) => d !== sample[i]).map((d) => [d._id, d.organisation])).toEqual([
      ['siteSettings', '某工会'],
    ])
    expect(() => patchDocument(sample, 'nope', {})).toThrow(/no document nope/)
  })
})

describe('deleteDocuments', () => {
  it('removes the documents and every reference to them, as Sanity requires before a delete', () => {
    const all = JSON.stringify(sample)
    const talk = sample.find((d) => d._type === 'talk' && all.includes(`"_ref":"${d._id}"`))!
    const left = deleteDocuments(sample, [talk._id])
    expect(left).toHaveLength(sample.length - 1)
    expect(JSON.stringify(left)).not.toContain(`"${talk._id}"`)
    expect(() => deleteDocuments(sample, ['nope'])).toThrow(/no document nope/)
  })
})
