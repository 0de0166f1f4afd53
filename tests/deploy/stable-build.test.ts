/**
 * Real publishes (astro build, search index, check, switch) through the fixed build folder, on a generated
 * dataset of varying size: a one-talk edit renders only what its content changed; the release before it is
 * untouched by the next build, byte for byte and inode for inode; a deletion removes its page in the same
 * publish; a failed build leaves the live release as it was; a release's server bundle answers with its own
 * error pages, not the build folder's.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { talkPath } from '#domain/paths'
import { editDocument, toNdjson, writeScaledDataset, type Doc } from '../../scripts/bench/scale-dataset'
import { loadBuild } from '../../server/build'
import { REPO } from '../../server/config'
import { buildRelease, type BuildResult } from '../../server/publish/build'
import type { Queued } from '../../server/publish/delivery'
import { createPublisher } from '../../server/publish/publisher'
import { openReleases } from '../../server/publish/releases'
import { openStatus } from '../../server/publish/status'

const BUILD_MS = 300_000
// Inside the repository: the built server bundle finds its packages in its node_modules.
const ROOT = path.join(REPO, `releases-test-stable-${process.pid}`)
const DATASET = path.join(ROOT, 'dataset')
const CACHE = path.join(ROOT, 'cache')
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!

// A different size and different documents each run: nothing below relies on the sample's figures.
const TALKS = 50 + Math.floor(Math.random() * 100)
let docs: Doc[] = writeScaledDataset(path.join(REPO, 'studio/seed/data.ndjson'), DATASET, TALKS).docs
const saveDataset = () => writeFileSync(path.join(DATASET, 'data.ndjson'), toNdjson(docs))
const talkIds = docs.filter((d) => d._type === 'talk').map((d) => d._id)
const edited = pick(talkIds)
const deleted = pick(talkIds.filter((id) => id !== edited))

const env: NodeJS.ProcessEnv = {
  ...process.env,
  SANITY_PROJECT_ID: '',
  LAOMO_DATASET: DATASET,
  LAOMO_CACHE_DIR: CACHE,
  LAOMO_EMBED_STUDIO: '0',
}
const releases = openReleases(ROOT)
const status = openStatus(ROOT)
let last: BuildResult | undefined
const publish = createPublisher({
  releases,
  status,
  build: async (dir) => (last = await buildRelease(REPO, dir, env)),
  keep: 5,
  log: () => {},
})
let key = 0
const deliver = (_id: string, _type: string, operation?: 'update' | 'delete'): Promise<void> =>
  publish([{ key: `k${++key}`, delivery: { _id, _type, ...(operation ? { operation } : {}) } } as Queued])

afterAll(() => rmSync(ROOT, { recursive: true, force: true }))

/** Every file of a release: its inode and the hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const digest = createHash('sha1').update(readFileSync(file)).digest('hex')
    files.set(path.relative(dir, file), `${statSync(file).ino}:${digest}`)
  }
  return files
}

interface Manifest {
  routes: Record<string, { paths: Record<string, { cacheKey: string; contentHashes?: Record<string, string> }> }>
}
const manifest = (): Manifest => JSON.parse(readFileSync(path.join(CACHE, 'incremental-build.json'), 'utf8'))
/** Keyed pages of `next`, and those whose key and content are what they were in `previous` (may be restored). */
function keyedPages(previous: Manifest, next: Manifest) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  let keyed = 0
  const unchanged: string[] = []
  for (const [component, route] of Object.entries(next.routes))
    for (const [pathname, entry] of Object.entries(route.paths)) {
      keyed++
      const before = previous.routes[component]?.paths[pathname]
      if (before && before.cacheKey === entry.cacheKey && same(before.contentHashes, entry.contentHashes))
        unchanged.push(pathname)
    }
  return { keyed, unchanged }
}

const live = () => releases.dirOf(releases.current()!)
const page = (dir: string, pathname: string) => path.join(dir, 'client', pathname, 'index.html')

describe(`publishing through the fixed build folder (${TALKS} talks)`, () => {
  let first: { outputs: number; manifest: Manifest; dir: string; files: Map<string, string> }

  it('makes the first release from a clean cache, rendering every output', { timeout: BUILD_MS }, async () => {
    await deliver('*', 'release')
    expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
    expect(last!.outputs!.restored).toBe(0)
    expect(existsSync(page(live(), talkPath(edited)))).toBe(true)
    first = { outputs: last!.outputs!.rendered, manifest: manifest(), dir: live(), files: snapshot(live()) }
  })

  it('renders again only the pages a one-talk edit changed', { timeout: BUILD_MS }, async () => {
    docs = editDocument(docs, edited, 1)
    saveDataset()
    await deliver(edited, 'talk', 'update')
    expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
    expect(live()).not.toBe(first.dir)
    const { keyed, unchanged } = keyedPages(first.manifest, manifest())
    const { rendered, restored } = last!.outputs!
    // Same outputs; every keyed page whose key and content did not change came from the cache, the rest rendered.
    expect(rendered + restored).toBe(first.outputs)
    expect(restored).toBe(unchanged.length)
    expect(unchanged).not.toContain(talkPath(edited))
    expect(restored).toBeGreaterThan(keyed * 0.8)
    expect(readFileSync(page(live(), talkPath(edited)), 'utf8')).toContain('（修订 1）')
  })

  it('ships each release its own content beside its bundles, baked into neither', () => {
    const chunks = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.mjs'))
        .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    const title = docs.find((d) => d._id === edited)!.title as string
    for (const kind of ['server', 'prerender'])
      expect(chunks(path.join(live(), kind)).filter((code) => code.includes(title))).toEqual([])
    // The booking endpoint's content: this release's, the edit included; the release before keeps its own.
    expect(readFileSync(path.join(live(), 'server/data-store.json'), 'utf8')).toContain(title)
    expect(readFileSync(path.join(first.dir, 'server/data-store.json'), 'utf8')).not.toContain(title)
  })

  it("leaves the previous release's files as they were: same inodes, same bytes", () => {
    expect(snapshot(first.dir)).toEqual(first.files)
    expect(readFileSync(page(first.dir, talkPath(edited)), 'utf8')).not.toContain('（修订 1）')
  })

  it('removes a deleted talk’s page in the same publish', { timeout: BUILD_MS }, async () => {
    const before = live()
    docs = docs.filter((d) => d._id !== deleted)
    saveDataset()
    await deliver(deleted, 'talk', 'delete')
    expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
    expect(existsSync(page(live(), talkPath(deleted)))).toBe(false)
    expect(existsSync(page(before, talkPath(deleted)))).toBe(true)
  })

  it('a failed build leaves the live release as it was', { timeout: BUILD_MS }, async () => {
    const current = releases.current()
    const files = snapshot(live())
    writeFileSync(path.join(DATASET, 'data.ndjson'), '{"_id": "broken", ')
    await deliver(edited, 'talk', 'update')
    saveDataset()
    expect(status.read().builds[0]).toMatchObject({ result: 'failed' })
    expect(releases.current()).toBe(current)
    expect(snapshot(live())).toEqual(files)
  })

  it("answers from a release's server bundle with that release's own error page", async () => {
    // What the next, unswitched build would leave in the build folder the bundle was built in.
    mkdirSync(path.join(releases.buildDir, 'client'), { recursive: true })
    writeFileSync(path.join(releases.buildDir, 'client/404.html'), 'the build folder’s 404')
    // The bundle names that folder as its output (the caveat this checks).
    expect(readFileSync(path.join(live(), 'server/entry.mjs'), 'utf8')).toContain(
      pathToFileURL(path.join(releases.buildDir, 'client/')).href,
    )
    const { handler } = await loadBuild(live(), [])
    // No `next`: the adapter renders the 404 status itself, reading the page from disk.
    const server: Server = createServer((req, res) => void handler(req, res, undefined as never, {}))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/no-such-page/`)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe(readFileSync(path.join(live(), 'client/404.html'), 'utf8'))
    } finally {
      server.close()
    }
  })
})
