/**
 * Content exactly as the Studio stores it and `sanity dataset export` writes it, through the real
 * queries (groq-js), the normalisers and the collections' zod schemas: what the Studio accepts is
 * accepted here, with no warning for a field the Studio does not require.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { z } from 'astro/zod'
import { describe, expect, it } from 'vitest'
import { loadDatasetFile } from '#domain/dataset'
import { datasetSource } from './executors'
import { normalisePhoto, normaliseStory, normaliseTalk, normaliseTour, normaliseWorker } from './normalise'
import { PHOTOS_QUERY, STORIES_QUERY, TALKS_QUERY, TOURS_QUERY, WORKERS_QUERY } from './queries'
import { photoSchema, storySchema, talkSchema, tourSchema, workerSchema } from './schemas'

const SHA1 = 'a'.repeat(40)
const sys = { _createdAt: '2026-05-01T02:00:00Z', _updatedAt: '2026-05-02T03:00:00Z', _rev: 'rev1' }
const ref = (id: string, key: string, extra = {}) => ({ _type: 'reference', _ref: id, _key: key, ...extra })
const image = { _type: 'image', _sanityAsset: `image@file://./images/${SHA1}-40x20.png` }

/** An export folder: only the fields the Studio requires, a draft, a release version, a plugin type. */
async function exportFolder() {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'laomo-shapes-')), 'production-export-2026-12-03t00-00-00-000z')
  mkdirSync(path.join(dir, 'images'), { recursive: true })
  await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c33' } })
    .png()
    .toFile(path.join(dir, 'images', `${SHA1}-40x20.png`))
  writeFileSync(
    path.join(dir, 'assets.json'),
    JSON.stringify({ [`image-${SHA1}`]: { originalFilename: 'p.png', metadata: { lqip: 'data:x' } } }),
  )
  const docs = [
    { _id: 'w1', _type: 'modelWorker', ...sys, name: '示例甲', slug: { _type: 'slug', current: 'shili-jia' } },
    { _id: 'drafts.w2', _type: 'modelWorker', ...sys, name: '未发布', slug: { _type: 'slug', current: 'wei' } },
    {
      _id: 't1',
      _type: 'talk',
      ...sys,
      title: '报告会',
      startsAt: '2026-05-12T01:30:00.000Z',
      venueName: '某校',
      venueType: 'school',
      prefecture: '兰州市',
      status: 'planned',
      speakers: [ref('w1', 'a'), ref('w2', 'b', { _weak: true, _strengthenOnPublish: { type: 'modelWorker' } })],
      location: { _type: 'geopoint', lat: 36.06, lng: 103.83, alt: 1520 },
    },
    { _id: 'versions.r1.t1', _type: 'talk', ...sys, title: '发布版本' },
    { _id: 'p1', _type: 'photo', ...sys, image, caption: '说明', alt: '画面', people: [ref('w1', 'c')] },
    {
      _id: 'p2',
      _type: 'photo',
      ...sys,
      image: {
        ...image,
        crop: { _type: 'sanity.imageCrop', top: 0, bottom: 0, left: 0.5, right: 0 },
        hotspot: { _type: 'sanity.imageHotspot', x: 0.75, y: 0.25, width: 0.2, height: 0.2 },
      },
      caption: '裁切',
      alt: '裁切画面',
    },
    { _id: 'tour1', _type: 'tour', ...sys, title: '巡回', slug: { _type: 'slug', current: 'xunhui' } },
    {
      _id: 's1',
      _type: 'story',
      ...sys,
      title: '报道',
      slug: { _type: 'slug', current: '报道-A' },
      publishedAt: '2026-05-11T16:30:00.000Z',
      excerpt: '摘要',
      body: [{ _type: 'block', _key: 'k', style: 'normal', markDefs: [], children: [{ _type: 'span', text: '正文' }] }],
      relatedWorkers: [ref('w1', 'd')],
    },
    { _id: 'media-tag-1', _type: 'media.tag', ...sys, name: { current: 'x' } },
  ]
  writeFileSync(path.join(dir, 'data.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
  return path.join(dir, 'data.ndjson')
}

const str = () => z.string()
const collections = [
  { query: WORKERS_QUERY, normalise: normaliseWorker, schema: workerSchema(str) },
  { query: TALKS_QUERY, normalise: normaliseTalk, schema: talkSchema },
  { query: PHOTOS_QUERY, normalise: normalisePhoto, schema: photoSchema(str) },
  { query: TOURS_QUERY, normalise: normaliseTour, schema: tourSchema },
  { query: STORIES_QUERY, normalise: normaliseStory, schema: storySchema(str) },
] as const

describe('content as the Studio stores and exports it', async () => {
  const file = await exportFolder()
  const loaded = loadDatasetFile(file)
  const source = datasetSource(loaded.documents, { label: 'export', isSample: false, file })
  const results = new Map<string, { data: any; warnings: string[] }>()
  for (const { query, normalise, schema } of collections)
    for (const row of await source.fetch<any[]>(query)) {
      const { data, warnings } = normalise(row)
      results.set(row._id, { data: data && schema.parse(data), warnings })
    }

  it('accepts every published document with only the required fields, and nothing else', () => {
    expect([...results.keys()].sort()).toEqual(['p1', 'p2', 's1', 't1', 'tour1', 'w1'])
    for (const [id, { data }] of results) expect(data, id).not.toBeNull()
    expect(loaded.warnings).toEqual([])
  })

  it('warns only where the Studio warns too, and says a reference waits for its publication', () => {
    const all = [...results.values()].flatMap((r) => r.warnings)
    expect(all).toEqual([
      'talk t1: field "speakers[1]" references "w2", which is not published yet — ignored until it is',
    ])
  })

  it('gives links to workers without the optional fields the shape the site expects', () => {
    const link = { _id: 'w1', name: '示例甲', slug: 'shili-jia', fictional: false }
    expect(results.get('t1')!.data.speakers).toEqual([link])
    expect(results.get('p1')!.data.people).toEqual([link])
    expect(results.get('s1')!.data.relatedWorkers).toEqual([link])
    expect(results.get('w1')!.data).toMatchObject({ fictional: false, availableForSchools: false, honours: [] })
  })

  it('keeps UTC datetimes as stored and geopoints without their altitude', () => {
    expect(results.get('t1')!.data).toMatchObject({
      startsAt: '2026-05-12T01:30:00.000Z',
      location: { lat: 36.06, lng: 103.83 },
    })
  })

  it("reads an export's assets under Sanity's own ids, with their size, crop and hotspot", async () => {
    const assets = await source.fetch<any[]>('*[_type == "sanity.imageAsset"]{ _id, originalFilename, metadata }')
    expect(assets).toEqual([
      {
        _id: `image-${SHA1}-40x20-png`,
        originalFilename: 'p.png',
        metadata: { dimensions: { width: 40, height: 20, aspectRatio: 2 }, lqip: 'data:x' },
      },
    ])
    expect(results.get('p1')!.data.image).toEqual({
      src: `./images/${SHA1}-40x20.png`,
      width: 40,
      height: 20,
      alt: '画面',
      caption: '说明',
    })
    // Half the width cut from the left: the hotspot at 75% of the file is at 50% of what is shown.
    expect(results.get('p2')!.data.image).toMatchObject({
      crop: { top: 0, bottom: 0, left: 0.5, right: 0 },
      focus: { x: 0.5, y: 0.25 },
    })
  })
})
