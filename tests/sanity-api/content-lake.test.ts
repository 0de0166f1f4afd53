/**
 * The local Content Lake answers @sanity/client 8 as the real API does: GET and (for long queries)
 * POST, perspectives, asset documents and files, and Sanity's error shapes.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_VERSION } from '#domain/sanity'
import { startContentLake, type ContentLake, type Doc } from './content-lake'
import { readNdjson, writeExportArchive } from './export-archive'

const SEED = path.resolve('studio/seed/data.ndjson')

const clientFor = (lake: ContentLake, options: { perspective?: 'published' | 'drafts' | 'raw' } = {}) =>
  createClient({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    apiHost: lake.url,
    useProjectHostname: false,
    ...options,
  })

describe('content lake over an NDJSON file (import layout)', () => {
  let lake: ContentLake
  let client: SanityClient
  beforeAll(async () => {
    lake = await startContentLake({ input: SEED })
    client = clientFor(lake, { perspective: 'published' })
  })
  afterAll(() => lake.close())

  it('stores image fields as asset references and synthesises the asset documents', async () => {
    const worker = await client.fetch<{ portrait: Record<string, unknown> }>('*[_id == $id][0]{portrait}', {
      id: 'worker-zhang-hongmei',
    })
    const { asset, ...rest } = worker.portrait as { asset: { _ref: string; _type: string } }
    expect(rest).toMatchObject({ _type: 'image', alt: expect.any(String) })
    expect(rest).not.toHaveProperty('_sanityAsset')
    expect(asset._type).toBe('reference')
    expect(asset._ref).toMatch(/^image-[0-9a-f]{40}-\d+x\d+-jpg$/)

    const doc = await client.fetch<Doc>('*[_id == $id][0]', { id: asset._ref })
    const [, sha1, width, height] = /^image-([0-9a-f]{40})-(\d+)x(\d+)-jpg$/.exec(asset._ref)!
    expect(doc).toMatchObject({
      _type: 'sanity.imageAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension: 'jpg',
      mimeType: 'image/jpeg',
      originalFilename: 'portrait-zhang-hongmei.jpg',
      path: `images/${lake.projectId}/production/${sha1}-${width}x${height}.jpg`,
      url: `${lake.url}/images/${lake.projectId}/production/${sha1}-${width}x${height}.jpg`,
      metadata: { dimensions: { width: Number(width), height: Number(height) } },
    })
    expect((doc.metadata as any).dimensions.aspectRatio).toBeCloseTo(Number(width) / Number(height))
    expect(doc._createdAt).toEqual(expect.any(String))

    const response = await fetch(doc.url as string)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.length).toBe(doc.size)
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(sha1)
    expect((await fetch(`${lake.url}/images/${lake.projectId}/production/${'0'.repeat(40)}-1x1.jpg`)).status).toBe(404)
  })

  it('answers like the API: query, result and ms; perspective and params logged', async () => {
    const url = new URL(`${lake.url}/v${API_VERSION}/data/query/production`)
    url.searchParams.set('query', 'count(*[_type == $type])')
    url.searchParams.set('$type', JSON.stringify('talk'))
    url.searchParams.set('perspective', 'published')
    const body = await (await fetch(url)).json()
    expect(body).toEqual({ query: 'count(*[_type == $type])', result: 213, ms: expect.any(Number) })
    expect(lake.requests.at(-1)).toMatchObject({ method: 'GET', perspective: 'published' })
    // @sanity/client asks for the result alone.
    url.searchParams.set('returnQuery', 'false')
    expect(await (await fetch(url)).json()).toEqual({ result: 213, ms: expect.any(Number) })
    expect(await client.fetch('count(*[_type == "talk"])', {}, { filterResponse: false })).toMatchObject({
      result: 213,
    })
  })

  it('takes long queries by POST, as @sanity/client sends them', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `talk-${String(i).padStart(3, '0')}`)
    const count = await client.fetch<number>('count(*[_id in $ids])', { ids })
    expect(count).toBe(213)
    expect(lake.requests.at(-1)).toMatchObject({
      method: 'POST',
      perspective: 'published',
      query: 'count(*[_id in $ids])',
    })
  })

  it('answers errors in Sanity’s shapes', async () => {
    const url = new URL(`${lake.url}/v${API_VERSION}/data/query/production`)
    url.searchParams.set('query', '*[_type == "talk"')
    const response = await fetch(url)
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatchObject({
      type: 'queryParseError',
      query: '*[_type == "talk"',
      start: expect.any(Number),
      end: expect.any(Number),
      description: expect.any(String),
    })
    await expect(client.fetch('*[_type == "talk"')).rejects.toThrow(/GROQ query parse error/)

    const unknown = await fetch(`${lake.url}/v${API_VERSION}/data/nothing`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: 'Not Found', statusCode: 404 })
    const otherDataset = clientFor(lake).withConfig({ dataset: 'staging' })
    await expect(otherDataset.fetch('1')).rejects.toThrow(/Dataset "staging" not found/)
  })
})

describe('content lake over an export .tar.gz', () => {
  let lake: ContentLake
  const dir = mkdtempSync(path.join(tmpdir(), 'content-lake-test-'))
  const seed = readNdjson(SEED)
  const worker = seed.find((d) => d._id === 'worker-zhang-hongmei')!
  const photo = seed.find((d) => d._type === 'photo')!
  beforeAll(async () => {
    const documents: Doc[] = [
      worker,
      { ...photo, image: { ...(photo.image as object), crop: { top: 0.1, bottom: 0, left: 0, right: 0 } } },
      { ...worker, _id: `drafts.${worker._id}`, name: '草稿里的名字' },
      { ...worker, _id: `versions.r1.${worker._id}`, name: '发布计划里的名字' },
      { _id: 'drafts.worker-new', _type: 'modelWorker', name: '未发布的劳模' },
    ]
    const out = path.join(dir, 'staging.tar.gz')
    await writeExportArchive({ documents, baseDir: path.dirname(SEED), out, dataset: 'staging' })
    lake = await startContentLake({ input: out })
  })
  afterAll(async () => {
    await lake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('takes the dataset name from the export folder and the asset metadata from assets.json', async () => {
    expect(lake.dataset).toBe('staging')
    const client = clientFor(lake, { perspective: 'published' })
    const image = await client.fetch<Record<string, any>>('*[_id == $id][0].image{..., "file": asset->}', {
      id: photo._id,
    })
    expect(image.crop).toEqual({ top: 0.1, bottom: 0, left: 0, right: 0 })
    // Exported files are named <sha1>-<w>x<h>.<ext>; the original name comes back from assets.json.
    expect(image.file.originalFilename).toBe(path.basename((photo.image as any)._sanityAsset))
    expect(image.file.url).toMatch(new RegExp(`^${lake.url}/images/laomotest/staging/[0-9a-f]{40}-\\d+x\\d+\\.jpg$`))
    const served = await fetch(image.file.url)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(image.file.size)
  })

  it('hides drafts and release versions from the published perspective', async () => {
    const client = clientFor(lake, { perspective: 'published' })
    const workers = await client.fetch<Doc[]>('*[_type == "modelWorker"]{_id, name}')
    expect(workers).toEqual([{ _id: worker._id, name: worker.name }])
  })

  it('overlays drafts on the drafts perspective and shows everything on raw', async () => {
    const drafts = await clientFor(lake, { perspective: 'drafts' }).fetch<Doc[]>(
      '*[_type == "modelWorker"]{_id, _originalId, name} | order(_id)',
    )
    expect(drafts).toEqual([
      { _id: 'worker-new', _originalId: 'drafts.worker-new', name: '未发布的劳模' },
      { _id: worker._id, _originalId: `drafts.${worker._id}`, name: '草稿里的名字' },
    ])
    const raw = await clientFor(lake, { perspective: 'raw' }).fetch<string[]>('*[_type == "modelWorker"]._id')
    expect(raw.sort()).toEqual(
      ['drafts.worker-new', `drafts.${worker._id}`, `versions.r1.${worker._id}`, worker._id].sort(),
    )
    const release = await clientFor(lake)
      .withConfig({ perspective: ['r1', 'drafts'] })
      .fetch<string>('*[_id == $id][0].name', { id: worker._id })
    expect(release).toBe('发布计划里的名字')
  })
})
