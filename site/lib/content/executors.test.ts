/**
 * Both executors run the same queries. The Sanity executor is exercised with the real
 * @sanity/client against a local stand-in for Sanity's HTTP query API (offline here), which
 * evaluates GROQ with groq-js over the bundled dataset.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '@sanity/client'
import { evaluate, parse } from 'groq-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from './dataset'
import { API_VERSION, getContentSource, sanitySource, type ContentSource } from './executors'
import {
  COUNTS_QUERY,
  PHOTOS_QUERY,
  SETTINGS_QUERY,
  STORIES_QUERY,
  TALKS_BY_PREFECTURE_QUERY,
  TALKS_BY_WORKER_QUERY,
  TALKS_QUERY,
  TOURS_QUERY,
  WORKERS_QUERY,
} from './queries'

const { documents } = loadDatasetFile(DEFAULT_DATASET)
const seen: URL[] = []
const server = createServer(async (req, res) => {
  const url = new URL(req.url!, 'http://localhost')
  seen.push(url)
  const params: Record<string, unknown> = {}
  for (const [key, value] of url.searchParams) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
  const query = url.searchParams.get('query')!
  const result = await (await evaluate(parse(query, { params }), { dataset: documents, params })).get()
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ ms: 1, query, result }))
})

let remote: ContentSource
let local: ContentSource
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  remote = sanitySource(
    createClient({
      projectId: 'laomotest',
      dataset: 'production',
      apiVersion: API_VERSION,
      useCdn: false,
      apiHost: `http://127.0.0.1:${port}`,
      useProjectHostname: false,
    }),
  )
  local = await getContentSource({})
})
afterAll(() => void server.close())

describe('executors', () => {
  it('chooses Sanity when a project id is configured, the bundled dataset otherwise', async () => {
    expect((await getContentSource({ SANITY_PROJECT_ID: 'abc123' })).kind).toBe('sanity')
    expect((await getContentSource({ SANITY_PROJECT_ID: 'abc123' })).isSample).toBe(false)
    expect(local.kind).toBe('dataset')
  })

  it('give the same answers to the same queries', async () => {
    // The stand-in evaluates asynchronously; the dataset executor mostly synchronously.
    for (const query of [COUNTS_QUERY, TALKS_QUERY, WORKERS_QUERY, PHOTOS_QUERY, TOURS_QUERY, STORIES_QUERY]) {
      expect(await remote.fetch(query)).toEqual(await local.fetch(query))
    }
    const settings = { settingsId: 'siteSettings' }
    expect(await remote.fetch(SETTINGS_QUERY, settings)).toEqual(await local.fetch(SETTINGS_QUERY, settings))
    const params = { prefecture: '定西市' }
    expect(await remote.fetch(TALKS_BY_PREFECTURE_QUERY, params)).toEqual(
      await local.fetch(TALKS_BY_PREFECTURE_QUERY, params),
    )
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

  it('sends values as $params, never inside the query text', async () => {
    seen.length = 0
    const workerId = 'worker-zhang-hongmei'
    const talks = await remote.fetch<unknown[]>(TALKS_BY_WORKER_QUERY, { workerId })
    expect(talks.length).toBeGreaterThan(0)
    const url = seen.at(-1)!
    expect(url.searchParams.get('$workerId')).toBe(JSON.stringify(workerId))
    expect(url.searchParams.get('query')).not.toContain(workerId)
    // The published perspective is the API default for this API version; anything else would leak drafts.
    expect(url.searchParams.get('perspective') ?? 'published').toBe('published')
  })
})
