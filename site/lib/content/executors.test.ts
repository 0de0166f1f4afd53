/**
 * Both executors run the same queries. The Sanity executor is exercised with the real
 * @sanity/client against a local stand-in for Sanity's Content Lake (tests/sanity-api, offline
 * here), which holds the bundled dataset as `sanity dataset import` would store it.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startContentLake, type ContentLake } from '../../../tests/sanity-api/content-lake'
import { DEFAULT_DATASET } from '#domain/dataset'
import { API_VERSION } from '#domain/sanity'
import { getContentSource, sanitySource, type ContentSource } from './executors'
import { PHOTOS_QUERY, SETTINGS_QUERY, STORIES_QUERY, TALKS_QUERY, TOURS_QUERY, WORKERS_QUERY } from './queries'

let lake: ContentLake
let remote: ContentSource
let local: ContentSource
const assetCache = mkdtempSync(path.join(tmpdir(), 'laomo-executors-test-'))
beforeAll(async () => {
  lake = await startContentLake({ input: DEFAULT_DATASET })
  remote = await getContentSource({
    SANITY_PROJECT_ID: lake.projectId,
    SANITY_DATASET: lake.dataset,
    SANITY_API_HOST: lake.url,
    LAOMO_ASSET_CACHE: assetCache,
  })
  local = await getContentSource({})
})
afterAll(async () => {
  await lake.close()
  rmSync(assetCache, { recursive: true, force: true })
})

/**
 * Image fields name different assets and files in the two modes (`./images/portrait-x.jpg` beside the NDJSON;
 * `./<sha1>-<w>x<h>.jpg` in the download cache) and only Sanity knows the dimensions: compare what
 * they show, the bytes of the file.
 */
function sameImages(value: unknown, source: ContentSource): unknown {
  if (Array.isArray(value)) return value.map((item) => sameImages(item, source))
  if (!value || typeof value !== 'object') return value
  const entries = Object.entries(value)
  if ('assetRef' in value) {
    const { src } = value as { src?: string | null }
    const file = src ? readFileSync(path.resolve(path.dirname(source.file!), src)) : null
    return {
      ...Object.fromEntries(entries.filter(([key]) => !['asset', 'assetRef', 'src', 'width', 'height'].includes(key))),
      sha1: file && createHash('sha1').update(file).digest('hex'),
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, sameImages(item, source)]))
}

describe('executors', () => {
  it('chooses Sanity when a project id is configured, the bundled dataset otherwise', async () => {
    expect((await getContentSource({ SANITY_PROJECT_ID: 'abc123' })).kind).toBe('sanity')
    expect((await getContentSource({ SANITY_PROJECT_ID: 'abc123' })).isSample).toBe(false)
    expect(remote.kind).toBe('sanity')
    expect(remote.label).toBe(`Sanity ${lake.projectId}/${lake.dataset}`)
    expect(local.kind).toBe('dataset')
  })

  it('give the same answers to the same queries, with the same images as local files', async () => {
    const same = async (query: string, params?: Record<string, unknown>) =>
      expect(sameImages(await remote.fetch(query, params), remote)).toEqual(
        sameImages(await local.fetch(query, params), local),
      )
    for (const query of [TALKS_QUERY, WORKERS_QUERY, PHOTOS_QUERY, TOURS_QUERY, STORIES_QUERY]) {
      await same(query)
    }
    await same(SETTINGS_QUERY, { settingsId: 'siteSettings' })
    await same('*[_type == "talk" && prefecture == $prefecture] | order(startsAt desc){ _id, title }', {
      prefecture: '定西市',
    })
    // Sanity knows each image's size; the files are in the cache, never fetched from the API host by Astro.
    const [photo] = await remote.fetch<{ image: { src: string; width: number } }[]>(PHOTOS_QUERY)
    expect(photo!.image.src).toMatch(/^\.\/[0-9a-f]{40}-\d+x\d+\.jpg$/)
    expect(photo!.image.width).toBeGreaterThan(0)
    expect(path.dirname(remote.file!)).toBe(assetCache)
  })

  it('answers GROQ that only the asynchronous evaluator supports', async () => {
    // groq-js evaluates diff:: functions only asynchronously; the synchronous evaluator throws.
    expect(
      await local.fetch('diff::changedAny($before, $after, (title))', {
        before: { title: 'a' },
        after: { title: 'b' },
      }),
    ).toBe(true)
  })

  it('sends values as $params, never inside the query text, and asks for published content', async () => {
    const workerId = 'worker-zhang-hongmei'
    const talks = await remote.fetch<unknown[]>('*[_type == "talk" && $workerId in speakers[]._ref]{ _id }', {
      workerId,
    })
    expect(talks.length).toBeGreaterThan(0)
    const request = lake.requests.at(-1)!
    expect(request.params).toEqual({ workerId })
    expect(request.query).not.toContain(workerId)
    // Pinned in the client: a default that changed with the API version would leak drafts.
    expect(request.perspective).toBe('published')
  })

  it('talks to the configured API host without the project subdomain', () => {
    const client = createClient({
      projectId: 'abc123',
      dataset: 'production',
      apiVersion: API_VERSION,
      useCdn: false,
      apiHost: 'http://127.0.0.1:9',
      useProjectHostname: false,
    })
    expect(client.config().url).toBe(`http://127.0.0.1:9/v${API_VERSION}`)
    expect(sanitySource(client).label).toBe('Sanity abc123/production')
  })

  it('reads a dataset file again once it changed, and keeps answering from memory until then', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-executors-stamp-'))
    try {
      const file = path.join(dir, 'data.ndjson')
      const doc = (n: number) => JSON.stringify({ _id: `d${n}`, _type: 'thing', n })
      const count = (source: ContentSource) => source.fetch<number>('count(*[_type == "thing"])')
      const sizes = [1 + Math.floor(Math.random() * 5), 7 + Math.floor(Math.random() * 5)]
      writeFileSync(file, Array.from({ length: sizes[0]! }, (_, n) => doc(n)).join('\n'))
      const first = await getContentSource({ LAOMO_DATASET: dir })
      expect(await count(first)).toBe(sizes[0])
      expect(await getContentSource({ LAOMO_DATASET: dir })).toBe(first)
      writeFileSync(file, Array.from({ length: sizes[1]! }, (_, n) => doc(n)).join('\n'))
      const second = await getContentSource({ LAOMO_DATASET: dir })
      expect(second).not.toBe(first)
      expect(await count(second)).toBe(sizes[1])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
