import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDatasetFile } from '#domain/dataset'
import { datasetSource } from './executors'
import { normalisePhoto, normaliseStory, normaliseTalk, normaliseWorker } from './normalise'
import { PHOTOS_QUERY, STORIES_QUERY, TALKS_QUERY, WORKERS_QUERY } from './queries'

/** A tiny dataset with one good record of each kind and one of each kind of mistake. */
function brokenDataset() {
  const dir = mkdtempSync(path.join(tmpdir(), 'laomo-broken-'))
  mkdirSync(path.join(dir, 'images'))
  copyFileSync(path.resolve('public/favicon.svg'), path.join(dir, 'images', 'ok.svg'))
  const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key })
  const docs = [
    { _id: 'worker-a', _type: 'modelWorker', name: '甲', slug: { current: 'jia' }, honours: [] },
    { _id: 'worker-noslug', _type: 'modelWorker', name: '无标识' },
    {
      _id: 'talk-ok',
      _type: 'talk',
      title: '正常',
      startsAt: '2026-01-01T01:00:00Z',
      venueName: '某校',
      venueType: 'school',
      prefecture: '兰州市',
      status: 'held',
      location: { _type: 'geopoint', lat: 36.06, lng: 103.83 },
      speakers: [ref('worker-a', 's1')],
    },
    {
      _id: 'talk-nolocation',
      _type: 'talk',
      title: '无位置',
      startsAt: '2026-01-02T01:00:00Z',
      venueName: '某厂',
      venueType: 'enterprise',
      prefecture: '兰州市',
      status: 'held',
      speakers: [ref('worker-a', 's1')],
    },
    {
      _id: 'talk-dangling',
      _type: 'talk',
      title: '悬空引用',
      startsAt: '2026-01-03T01:00:00Z',
      venueName: '某社区',
      venueType: 'community',
      prefecture: '兰州市',
      status: 'held',
      location: { _type: 'geopoint', lat: 36.06, lng: 103.83 },
      speakers: [ref('worker-a', 's1'), ref('worker-ghost', 's2')],
      tour: { _type: 'reference', _ref: 'tour-ghost' },
    },
    {
      _id: 'talk-notitle',
      _type: 'talk',
      startsAt: '2026-01-04T01:00:00Z',
      venueName: '某地',
      venueType: 'school',
      prefecture: '兰州市',
      status: 'held',
    },
    { _id: 'drafts.talk-ok', _type: 'talk', title: '草稿不应出现' },
    {
      _id: 'photo-ok',
      _type: 'photo',
      caption: '说明',
      alt: '替代',
      image: { _type: 'image', _sanityAsset: 'image@file://./images/ok.svg' },
      people: [ref('worker-a', 'p1')],
    },
    {
      _id: 'photo-missingfile',
      _type: 'photo',
      caption: '说明',
      alt: '替代',
      image: { _type: 'image', _sanityAsset: 'image@file://./images/gone.jpg' },
    },
    {
      _id: 'photo-nocaption',
      _type: 'photo',
      alt: '替代',
      image: { _type: 'image', _sanityAsset: 'image@file://./images/ok.svg' },
    },
    {
      _id: 'story-a',
      _type: 'story',
      title: '报道',
      slug: { current: 'a' },
      publishedAt: '2026-01-01T00:00:00Z',
      excerpt: '摘要',
      body: [
        {
          _type: 'block',
          _key: 'b1',
          children: [{ _type: 'span', _key: 'x', text: '<b>不是标签</b>', marks: [] }],
          markDefs: [],
        },
      ],
      relatedWorkers: [ref('worker-ghost', 'r1')],
    },
  ]
  const file = path.join(dir, 'data.ndjson')
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n{not json\n')
  const loaded = loadDatasetFile(file)
  return { loaded, source: datasetSource(loaded.documents, { label: 'broken', isSample: false, file }) }
}

type Row = Record<string, unknown> & { _id: string }

describe('bad content gives named warnings, never a crash or a silent gap', () => {
  const { loaded, source } = brokenDataset()

  it('reports unreadable lines and missing image files while reading', () => {
    expect(loaded.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/data\.ndjson line 12: not valid JSON/),
        expect.stringMatching(/photo-missingfile: image points to missing file \.\/images\/gone\.jpg/),
      ]),
    )
  })

  it('never returns drafts (published perspective)', async () => {
    const ids = await source.fetch<string[]>('*[_type == "talk"]._id')
    expect(ids).not.toContain('drafts.talk-ok')
    expect(ids).toHaveLength(4)
  })

  it('keeps a talk without a location and names it', async () => {
    const rows = await source.fetch<Row[]>(TALKS_QUERY)
    const row = rows.find((r) => r._id === 'talk-nolocation')!
    const { data, warnings } = normaliseTalk(row)
    expect(data).not.toBeNull()
    expect(warnings).toEqual(['talk talk-nolocation: field "location" is missing — talk listed without a map position'])
  })

  it('drops dangling references and names document, field and target', async () => {
    const rows = await source.fetch<Row[]>(TALKS_QUERY)
    const { data, warnings } = normaliseTalk(rows.find((r) => r._id === 'talk-dangling')!)
    expect((data!.speakers as { _id: string }[]).map((s) => s._id)).toEqual(['worker-a'])
    expect(data!.tour).toBeUndefined()
    expect(warnings).toEqual([
      'talk talk-dangling: field "speakers[1]" references "worker-ghost", which does not exist (dangling reference) — ignored',
      'talk talk-dangling: field "tour" references "tour-ghost", which does not exist (dangling reference) — ignored',
    ])
  })

  it('skips a document missing a required field, naming the field', async () => {
    const talks = await source.fetch<Row[]>(TALKS_QUERY)
    const { data, warnings } = normaliseTalk(talks.find((r) => r._id === 'talk-notitle')!)
    expect(data).toBeNull()
    expect(warnings).toEqual(['talk talk-notitle: field "title" is missing (required) — document skipped'])

    const workers = await source.fetch<Row[]>(WORKERS_QUERY)
    const noSlug = normaliseWorker(workers.find((r) => r._id === 'worker-noslug')!)
    expect(noSlug.data).toBeNull()
    expect(noSlug.warnings[0]).toMatch(/modelWorker worker-noslug: field "slug" is missing/)
  })

  it('names photos without caption or image file', async () => {
    const rows = await source.fetch<Row[]>(PHOTOS_QUERY)
    const byId = Object.fromEntries(rows.map((r) => [r._id, normalisePhoto(r)]))
    expect(byId['photo-ok']!.data).not.toBeNull()
    expect(byId['photo-ok']!.warnings).toEqual([])
    expect(byId['photo-nocaption']!.warnings).toEqual([
      'photo photo-nocaption: field "caption" is missing (required) — document skipped',
    ])
    expect(byId['photo-missingfile']!.data).toBeNull()
    expect(byId['photo-missingfile']!.warnings[0]).toMatch(
      /photo photo-missingfile: field "image" has no usable image file/,
    )
  })

  it('resolves image assets to files relative to the dataset', async () => {
    const rows = await source.fetch<Row[]>(PHOTOS_QUERY)
    const ok = normalisePhoto(rows.find((r) => r._id === 'photo-ok')!)
    expect(ok.data!.image).toMatchObject({ src: './images/ok.svg', alt: '替代', caption: '说明' })
  })

  it('keeps editor text verbatim for escaping at render time, and names dangling related workers', async () => {
    const rows = await source.fetch<Row[]>(STORIES_QUERY)
    const { data, warnings } = normaliseStory(rows[0]!)
    expect(JSON.stringify(data!.body)).toContain('<b>不是标签</b>')
    expect(warnings).toEqual([
      'story story-a: field "relatedWorkers[0]" references "worker-ghost", which does not exist (dangling reference) — ignored',
    ])
  })
})

describe('slugs typed by hand', () => {
  const worker = (slug: string) => normaliseWorker({ _id: 'w', name: '甲', slug })

  it('keeps capitals, Chinese and spaces (paths are encoded)', () => {
    for (const slug of ['Zhang-HongMei', '张红梅', 'zhang hongmei'])
      expect(worker(slug)).toEqual(expect.objectContaining({ data: expect.objectContaining({ slug }), warnings: [] }))
  })

  it('skips, by name, a slug that cannot be one path segment', () => {
    for (const slug of ['a/b', 'a\\b', '..', '.', 'a\nb']) {
      const { data, warnings } = worker(slug)
      expect(data, slug).toBeNull()
      expect(warnings[0]).toMatch(/^modelWorker w: field "slug" ".*" cannot be a web address .* — document skipped$/s)
    }
  })
})
