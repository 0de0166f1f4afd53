/**
 * The publish fast path (server/publish/fast.ts) against clean builds: on a generated dataset of varying size,
 * a series of publishes (a talk's title edited, a talk added, a talk deleted, a model worker's slug renamed)
 * each goes through the fast path, and each release's pages are byte for byte those of a clean build of the
 * same content (the search index aside: it follows the switch, not part of this path). Every fast publish is
 * rendered by one warm renderer process, kept between publishes. The live release is never written through its
 * links; a publish the fast path cannot do (a new image) is a full build.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { talkPath, workerPath } from '#domain/paths'
import { toNdjson, writeScaledDataset, type Doc } from '../../scripts/bench/scale-dataset'
import { REPO } from '../../server/config'
import { buildRelease, type BuildResult } from '../../server/publish/build'
import type { Delivery, Queued } from '../../server/publish/delivery'
import { buildWithFastPath, stopFastPath, warmRendererPid } from '../../server/publish/fast'
import { createPublisher } from '../../server/publish/publisher'
import { openReleases } from '../../server/publish/releases'
import { openStatus } from '../../server/publish/status'

const BUILD_MS = 300_000
// Inside the repository: the kept bundles find their packages in its node_modules.
const ROOT = path.join(REPO, `releases-test-fast-${process.pid}`)
const DATASET = path.join(ROOT, 'dataset')
const random = (n: number) => Math.floor(Math.random() * n)
const pick = <T>(items: readonly T[]): T => items[random(items.length)]!

// A different size and different documents each run: nothing below relies on the sample's figures.
let docs: Doc[] = writeScaledDataset(path.join(REPO, 'studio/seed/data.ndjson'), DATASET, 40 + random(80)).docs
const save = () => writeFileSync(path.join(DATASET, 'data.ndjson'), toNdjson(docs))
const talks = () => docs.filter((d) => d._type === 'talk')

const env = (cacheDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  SANITY_PROJECT_ID: '',
  LAOMO_DATASET: DATASET,
  LAOMO_CACHE_DIR: cacheDir,
  LAOMO_EMBED_STUDIO: '0',
  // One "now" for the fast renders and the clean builds they are compared with.
  LAOMO_NOW: '2026-05-01',
  // Lists split as at national scale (/talks/<year>/<month>/, /workers/prefecture/…, /photos/page/<n>/): their
  // pages are keyed by what each lists, and must still match a clean build.
  LAOMO_LIST_LIMIT: '10',
})
const releases = openReleases(ROOT)
const status = openStatus(ROOT)
const lines: string[] = []
const build = buildWithFastPath(REPO, releases, (line) => lines.push(line))
let last: BuildResult | undefined
const publish = createPublisher({
  releases,
  status,
  build: async (dir) => (last = await build(dir, env(path.join(ROOT, 'cache')))),
  keep: 10,
  log: () => {},
})
let key = 0
/** A delivery as the webhook's projection has it (delivery.ts): a rename carries its old and new slug. */
const deliver = (_id: string, _type: string, operation?: 'update' | 'delete', slugs?: Partial<Delivery>) => {
  lines.length = 0
  const delivery: Delivery = { _id, _type, ...(operation ? { operation } : {}), ...slugs }
  return publish([{ key: `k${++key}`, delivery } as Queued])
}
const live = () => releases.dirOf(releases.current()!)

afterAll(() => {
  stopFastPath()
  rmSync(ROOT, { recursive: true, force: true })
})

/** Every file of a release's client folder but the search index: relative path → hash of its bytes. */
function pages(dir: string): Map<string, string> {
  const client = path.join(dir, 'client')
  const files = new Map<string, string>()
  for (const entry of readdirSync(client, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    const relative = path.relative(client, file)
    if (!entry.isFile() || relative.startsWith(`pagefind${path.sep}`)) continue
    files.set(relative, createHash('sha1').update(readFileSync(file)).digest('hex'))
  }
  return files
}

let clean = 0
/** The same content built from scratch (empty cache) the way a publish builds. */
async function cleanBuild(): Promise<Map<string, string>> {
  const dir = path.join(ROOT, `clean-${++clean}`)
  const result = await buildRelease(REPO, dir, env(path.join(ROOT, `clean-cache-${clean}`)))
  expect(result.ok, result.log).toBe(true)
  return pages(dir)
}

let renderer: number | undefined
/** Went live through the fast path, rendered by the same warm process as every fast publish before it. */
function expectFast() {
  const build = status.read().builds[0]
  expect(build, `${build?.reason ?? ''}\n${last?.log}`).toMatchObject({ result: 'live' })
  expect(lines.join('\n')).toMatch(/^fast path: /m)
  const pid = warmRendererPid()
  expect(pid).toBeTypeOf('number')
  renderer ??= pid
  expect(pid).toBe(renderer)
  // Alive, not a recycled number: signal 0 only checks the process exists.
  expect(() => process.kill(pid!, 0)).not.toThrow()
}

const inodes = (dir: string) =>
  new Map([...pages(dir).keys()].map((f) => [f, statSync(path.join(dir, 'client', f)).ino]))

describe('the publish fast path', () => {
  it('is declined for the first release (nothing live): a full build', { timeout: BUILD_MS }, async () => {
    await deliver('manual', 'manual')
    expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
    expect(lines.join('\n')).not.toMatch(/^fast path: /m)
  })

  it(
    'a talk edit: only its pages and the unkeyed ones rendered, the same files as a clean build',
    { timeout: BUILD_MS },
    async () => {
      const before = live()
      const beforeFiles = pages(before)
      const beforeInodes = inodes(before)
      const talk = pick(talks())
      docs = docs.map((d) => (d === talk ? { ...d, title: `${String(talk.title)}（快速 ${random(1e6)}）` } : d))
      save()
      await deliver(talk._id, 'talk')
      expectFast()
      expect(last!.outputs!.rendered).toBeLessThan(last!.outputs!.restored)
      expect(readFileSync(path.join(live(), 'client', talkPath(talk._id), 'index.html'), 'utf8')).toContain('快速')
      expect(pages(live())).toEqual(await cleanBuild())
      // The split talk list: only the pages that list the talk were rendered again (new inodes), not the others.
      const split = [...beforeInodes].filter(([file]) => /^talks\/\d{4}\//.test(file))
      expect(split.length).toBeGreaterThan(1)
      const after = inodes(live())
      const listing = (file: string) =>
        readFileSync(path.join(live(), 'client', file), 'utf8').includes(`href="${talkPath(talk._id)}"`)
      const rendered = split.filter(([file, ino]) => after.get(file) !== ino).map(([file]) => file)
      expect(rendered.length).toBeGreaterThan(0)
      expect(rendered).toEqual(split.map(([file]) => file).filter(listing))
      // Written beside each link and renamed over it: the previous release kept its bytes and inodes.
      expect(pages(before)).toEqual(beforeFiles)
      expect(inodes(before)).toEqual(beforeInodes)
    },
  )

  it(
    'a second edit of the same talk, by the same warm renderer process: as a clean build',
    { timeout: BUILD_MS },
    async () => {
      const talk = pick(talks().filter((t) => String(t.title).includes('快速')))
      docs = docs.map((d) => (d === talk ? { ...d, title: `${String(talk.title)}（再改 ${random(1e6)}）` } : d))
      save()
      await deliver(talk._id, 'talk')
      expectFast()
      expect(readFileSync(path.join(live(), 'client', talkPath(talk._id), 'index.html'), 'utf8')).toContain('再改')
      expect(pages(live())).toEqual(await cleanBuild())
    },
  )

  it(
    'a talk added: its page, lists, map data and sitemap as a clean build has them',
    { timeout: BUILD_MS },
    async () => {
      const model = pick(talks())
      const added = { ...model, _id: `talk-fast-${random(1e6)}`, title: `新增报告会 ${random(1e6)}` }
      docs = [...docs, added]
      save()
      await deliver(added._id, 'talk')
      expectFast()
      expect(existsSync(path.join(live(), 'client', talkPath(added._id), 'index.html'))).toBe(true)
      expect(pages(live())).toEqual(await cleanBuild())
    },
  )

  it(
    'a talk deleted: its page gone in the same publish, the rest as a clean build',
    { timeout: BUILD_MS },
    async () => {
      const gone = pick(talks())
      docs = docs.filter((d) => d !== gone)
      save()
      await deliver(gone._id, 'talk', 'delete')
      expectFast()
      expect(existsSync(path.join(live(), 'client', talkPath(gone._id)))).toBe(false)
      expect(pages(live())).toEqual(await cleanBuild())
    },
  )

  it(
    'a talk moved to a later date gets a poster, and moved into the past loses it in the same publish',
    { timeout: 2 * BUILD_MS },
    async () => {
      const talk = pick(talks())
      const poster = () => path.join(live(), 'client', talkPath(talk._id), 'poster')
      // As an editor correcting a date leaves it; the build's "now" is LAOMO_NOW.
      const moveTo = async (startsAt: string, endsAt: string) => {
        docs = docs.map((d) => (d._id === talk._id ? { ...d, status: 'planned', startsAt, endsAt } : d))
        save()
        await deliver(talk._id, 'talk')
        expectFast()
        expect(existsSync(path.join(live(), 'client', talkPath(talk._id), 'index.html'))).toBe(true)
        expect(pages(live())).toEqual(await cleanBuild())
      }
      // A year no other talk is in: its list page comes with the talk and goes with it (lists split at 10).
      const listed = () => existsSync(path.join(live(), 'client', 'talks', '2031'))
      expect(talks().some((t) => String(t.startsAt).startsWith('2031'))).toBe(false)
      await moveTo('2031-06-10T01:30:00Z', '2031-06-10T03:30:00Z')
      expect(existsSync(path.join(poster(), 'index.html'))).toBe(true)
      expect(listed()).toBe(true)
      await moveTo('2026-04-24T01:30:00Z', '2026-04-24T03:30:00Z')
      expect(existsSync(poster())).toBe(false)
      expect(listed()).toBe(false)
    },
  )

  it(
    'a model worker renamed: new page, redirect page at the old address, as a clean build',
    { timeout: BUILD_MS },
    async () => {
      const worker = pick(docs.filter((d) => d._type === 'modelWorker'))
      const old = (worker.slug as { current: string }).current
      const slug = `${old}-r${random(1e4)}`
      const formerSlugs = [...((worker.formerSlugs as string[] | undefined) ?? []), old]
      docs = docs.map((d) => (d === worker ? { ...d, slug: { _type: 'slug', current: slug }, formerSlugs } : d))
      save()
      // Its old address's pages below it (the print view) go with the rename: the health check needs to know.
      await deliver(worker._id, 'modelWorker', 'update', { slug, previousSlug: old })
      expectFast()
      expect(readFileSync(path.join(live(), 'client', workerPath(old), 'index.html'), 'utf8')).toContain(
        workerPath(slug),
      )
      expect(pages(live())).toEqual(await cleanBuild())
    },
  )

  it(
    'a renderer that died is replaced by the next publish, which still takes the fast path',
    { timeout: BUILD_MS },
    async () => {
      const dead = renderer!
      process.kill(dead, 'SIGKILL')
      await expect.poll(() => warmRendererPid()).toBeUndefined()
      const talk = pick(talks())
      docs = docs.map((d) => (d === talk ? { ...d, title: `${String(talk.title)}（重启 ${random(1e6)}）` } : d))
      save()
      renderer = undefined
      await deliver(talk._id, 'talk')
      expectFast()
      expect(renderer).not.toBe(dead)
      expect(readFileSync(path.join(live(), 'client', talkPath(talk._id), 'index.html'), 'utf8')).toContain('重启')
    },
  )

  it('content naming an image the live release lacks is a full build', { timeout: BUILD_MS }, async () => {
    const photo = pick(docs.filter((d) => d._type === 'photo'))
    const image = photo.image as { _sanityAsset: string }
    const source = image._sanityAsset.replace(/^image@file:\/\//, '')
    const copy = `./fast-${random(1e6)}${path.extname(source)}`
    copyFileSync(path.resolve(DATASET, source), path.resolve(DATASET, copy))
    docs = docs.map((d) => (d === photo ? { ...d, image: { ...image, _sanityAsset: `image@file://${copy}` } } : d))
    save()
    await deliver(photo._id, 'photo')
    expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
    expect(lines.join('\n')).toMatch(/fast path declined \(the content names images/)
  })
})
