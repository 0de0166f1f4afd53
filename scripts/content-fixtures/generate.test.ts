import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { list } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unfilled, unfilledFields } from './coverage.ts'
import { generateFixtures, type Fixtures } from './generate.ts'
import { isPublishedId, sha1, type Doc } from './ids.ts'
import { exportFolderName } from './layouts.ts'
import { minimalFields } from './minimal.ts'
import { CONTENT_TYPES, loadSchema, SYSTEM_FIELDS } from './schema.ts'

const schema = loadSchema()
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'laomo-fixtures-unit-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

let fixtures: Fixtures
let first: string
beforeAll(async () => {
  first = tempDir()
  fixtures = await generateFixtures(first)
})

/** Every file under `dir`, relative, sorted. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? files(full, `${prefix}${name}/`) : [`${prefix}${name}`]
    })
}

const readNdjson = (file: string): Doc[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Doc)

const published = (docs: Doc[]) =>
  docs.filter((d) => isPublishedId(d._id) && (CONTENT_TYPES as readonly string[]).includes(d._type))

/** Archive entries (path → bytes) of a .tar.gz. */
async function archive(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>()
  await list({
    file,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = []
      entry.on('data', (c: Buffer) => chunks.push(c))
      entry.on('end', () => entries.set(entry.path, Buffer.concat(chunks)))
    },
  })
  return entries
}

describe('content fixtures', () => {
  it('are deterministic: a second run writes byte-identical files', async () => {
    const second = tempDir()
    await generateFixtures(second)
    const names = files(first)
    expect(names).toEqual(files(second))
    for (const name of names)
      expect(sha1(readFileSync(path.join(second, name))), name).toBe(sha1(readFileSync(path.join(first, name))))
  })

  it('minimal: every document type, each with exactly the fields the Studio requires', () => {
    const docs = published(readNdjson(path.join(fixtures.minimal.importDir, 'data.ndjson')))
    expect(new Set(docs.map((d) => d._type))).toEqual(new Set(CONTENT_TYPES))
    for (const doc of docs) {
      const fields = Object.keys(doc).filter((k) => !k.startsWith('_'))
      expect(fields.sort(), `${doc._type} ${doc._id}`).toEqual(minimalFields(schema, doc._type).sort())
      for (const field of fields) expect(doc[field], `${doc._id}.${field}`).not.toSatisfy((v) => v === null || v === '')
    }
    // Nested objects too: an image is only its file, a slug only its text.
    const photo = docs.find((d) => d._type === 'photo')!
    expect(Object.keys(photo.image as object).sort()).toEqual(['_sanityAsset', '_type'])
    const worker = docs.find((d) => d._type === 'modelWorker')!
    expect(worker.slug).toEqual({ _type: 'slug', current: expect.any(String) })
  })

  it('minimal: the required-field list is the Studio’s (schema.json + custom rules, minus warning-only)', () => {
    expect(minimalFields(schema, 'talk').sort()).toEqual(
      ['prefecture', 'speakers', 'startsAt', 'status', 'title', 'venueName', 'venueType'].sort(),
    )
    expect(minimalFields(schema, 'photo').sort()).toEqual(['alt', 'caption', 'image'])
    expect(minimalFields(schema, 'modelWorker').sort()).toEqual(['name', 'slug'])
  })

  it('maximal: every field of schema.json is filled somewhere, deep (objects, arrays, blocks, spans, marks)', () => {
    const docs = published(fixtures.maximal.dataset.documents)
    for (const type of CONTENT_TYPES) {
      const ofType = docs.filter((d) => d._type === type)
      expect(ofType.length, type).toBeGreaterThan(0)
      expect(unfilledFields(schema, type, ofType), type).toEqual([])
    }
    const talks = docs.filter((d) => d._type === 'talk')
    expect(new Set(talks.map((t) => t.venueType))).toEqual(new Set(['enterprise', 'school', 'community']))
    expect(new Set(talks.map((t) => t.status))).toEqual(new Set(['planned', 'held', 'cancelled']))
  })

  it('the coverage check notices a missing deep field', () => {
    const talk = published(fixtures.maximal.dataset.documents).find((d) => d._type === 'talk')!
    const location = { ...(talk.location as object), alt: undefined }
    const attr = schema.find((e) => e.name === 'talk')!.attributes!.location!
    expect(unfilled(schema, attr.value, [location], 'talk.location')).toEqual(['talk.location.alt'])
  })

  it('import layout: no system fields, every image a file in images/', () => {
    for (const { importDir } of [fixtures.minimal, fixtures.maximal]) {
      const text = readFileSync(path.join(importDir, 'data.ndjson'), 'utf8')
      for (const doc of readNdjson(path.join(importDir, 'data.ndjson')))
        for (const field of SYSTEM_FIELDS.slice(2)) expect(doc, `${doc._id}`).not.toHaveProperty(field)
      const refs = [...text.matchAll(/"_sanityAsset":"image@file:\/\/\.\/(images\/[^"]+)"/g)].map((m) => m[1]!)
      expect(refs.length).toBeGreaterThan(0)
      expect(text).not.toContain('"asset":')
      for (const ref of new Set(refs)) expect(statSync(path.join(importDir, ref)).size).toBeGreaterThan(0)
    }
  })

  it('export layout: one top folder holding data.ndjson, assets.json, files/ and images/<sha1>-<w>x<h>.<ext>', async () => {
    for (const { exportFile, dataset } of [fixtures.minimal, fixtures.maximal]) {
      const entries = await archive(exportFile)
      const top = exportFolderName()
      expect(top).toBe('production-export-2026-06-01t00-00-00-000z')
      expect([...new Set([...entries.keys()].map((p) => p.split('/')[0]))]).toEqual([top])
      const inside = [...entries.keys()].map((p) => p.slice(top.length + 1))
      expect(inside.slice(0, 3)).toEqual(['data.ndjson', 'assets.json', 'files/'])
      expect(inside).toContain('images/')

      const assets = JSON.parse(entries.get(`${top}/assets.json`)!.toString('utf8')) as Record<string, Doc>
      const images = inside.filter((p) => p.startsWith('images/') && p !== 'images/')
      expect(images.length).toBe(dataset.assets.filter((a) => a.doc._type === 'sanity.imageAsset').length)
      for (const image of images) {
        const bytes = entries.get(`${top}/${image}`)!
        const [, hash, w, h] = /^images\/([0-9a-f]{40})-(\d+)x(\d+)\.(png|jpg|webp)$/.exec(image)!
        expect(sha1(bytes), image).toBe(hash)
        const meta = await sharp(bytes).metadata()
        expect([meta.width, meta.height], image).toEqual([Number(w), Number(h)])
        expect(bytes.length, `${image} stays a few KB`).toBeLessThan(8 * 1024)
        const entry = assets[`image-${hash}`]!
        expect(entry, image).toMatchObject({ sha1hash: hash, size: bytes.length, _createdAt: expect.any(String) })
        for (const left of ['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'uploadId', 'url'])
          expect(entry, image).not.toHaveProperty(left)
      }
      for (const file of inside.filter((p) => p.startsWith('files/') && p !== 'files/'))
        expect(assets[`file-${sha1(entries.get(`${top}/${file}`)!)}`], file).toBeDefined()

      const text = entries.get(`${top}/data.ndjson`)!.toString('utf8')
      const docs = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Doc)
      expect(docs.map((d) => d._id)).toEqual(docs.map((d) => d._id).sort())
      for (const doc of docs) {
        expect(doc._type, doc._id).not.toMatch(/^sanity\.(image|file)Asset$/)
        expect(doc, doc._id).toMatchObject({ _createdAt: expect.any(String), _updatedAt: expect.any(String) })
        expect(doc._rev, doc._id).toMatch(/^[0-9A-Za-z]{22}$/)
      }
      expect(text).not.toContain('"asset":')
      for (const [, file] of text.matchAll(/"_sanityAsset":"image@file:\/\/\.\/(images\/[^"]+)"/g))
        expect(inside, file).toContain(file)
      // Rewritten as the export does: `_sanityAsset` first, the field's own keys after it.
      expect(text).toMatch(/\{"_sanityAsset":"image@file:\/\/\.\/images\/[0-9a-f]{40}-\d+x\d+\.\w+","_type":"image"/)
    }
  })

  it('maximal export: drafts, release versions, the release, an unknown type and unused uploads are all in it', async () => {
    const entries = await archive(fixtures.maximal.exportFile)
    const top = exportFolderName()
    const ids = readFileSync(path.join(fixtures.maximal.importDir, 'data.ndjson'), 'utf8')
    const docs = entries
      .get(`${top}/data.ndjson`)!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc)
    expect(docs.some((d) => d._id.startsWith('drafts.') && ids.includes(`"${d._id.slice(7)}"`))).toBe(true)
    expect(docs.some((d) => d._id.startsWith('drafts.') && !docs.some((p) => p._id === d._id.slice(7)))).toBe(true)
    expect(docs.some((d) => d._id.startsWith('versions.'))).toBe(true)
    expect(docs.some((d) => d._type === 'system.release')).toBe(true)
    expect(docs.some((d) => d._type === 'media.tag')).toBe(true)
    expect([...entries.keys()].some((p) => /\/files\/[0-9a-f]{40}\.txt$/.test(p))).toBe(true)
    const strengthen = docs.flatMap(
      (d) => JSON.stringify(d).match(/"_strengthenOnPublish":\{"type":"modelWorker"\}/g) ?? [],
    )
    expect(strengthen.length).toBe(1)
  })
})
