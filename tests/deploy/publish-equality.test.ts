/**
 * Issue #25's test: after a series of real publishes (edits, additions, deletions, renamed slugs, new site
 * settings) through the publish service on a generated dataset, the live release and a clean build of the
 * final content (empty output folder, empty cache) match file for file. A keyed page restored from Astro's
 * incremental cache although it shows something of another document would differ here. Each step also
 * checks that the pages showing the changed document show its new value, and that removed or renamed
 * addresses are gone or redirect in the same publish.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { photoPath, storyPath, talkPath, workerFeedPath, workerPath } from '#domain/paths'
import {
  deleteDocuments,
  editDocument,
  patchDocument,
  toNdjson,
  writeScaledDataset,
  type Doc,
} from '../../scripts/bench/scale-dataset'
import { REPO } from '../../server/config'
import { buildRelease, type BuildResult } from '../../server/publish/build'
import type { Delivery, Queued } from '../../server/publish/delivery'
import { createPublisher } from '../../server/publish/publisher'
import { openReleases } from '../../server/publish/releases'
import { openStatus } from '../../server/publish/status'
import { formerSlugsPatch } from '../../studio/lib/formerSlugs'

const BUILD_MS = 300_000
// Inside the repository: the built server bundle finds its packages in its node_modules.
const ROOT = path.join(REPO, `releases-test-equality-${process.pid}`)
const DATASET = path.join(ROOT, 'dataset')
const CACHE = path.join(ROOT, 'cache')
const random = () => Math.random().toString(36).slice(2, 8)
const pick = <T>(items: readonly T[]): T => {
  if (items.length === 0) throw new Error('pick: nothing to pick from')
  return items[Math.floor(Math.random() * items.length)]!
}

// A different size and different documents each run; every value checked below is made here.
const TALKS = 20 + Math.floor(Math.random() * 41)
let docs: Doc[] = writeScaledDataset(path.join(REPO, 'studio/seed/data.ndjson'), DATASET, TALKS).docs
const saveDataset = () => writeFileSync(path.join(DATASET, 'data.ndjson'), toNdjson(docs))
const doc = (id: string) => docs.find((d) => d._id === id)!
/** Published documents of a type (the sample has drafts too, which have no page). */
const ofType = (type: string) => docs.filter((d) => d._type === type && !d._id.startsWith('drafts.'))
const refs = (value: unknown): string[] => ((value ?? []) as { _ref: string }[]).map((r) => r._ref)
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const speakersOf = (talkId: string) => refs(doc(talkId).speakers)
const talksOf = (workerId: string) => ofType('talk').filter((t) => refs(t.speakers).includes(workerId))

/**
 * "Now" moves forward with every publish, as it does between real ones: the first two are on the last
 * days of the year before the first talk (China time), the rest spread over the talks' dates, so talks pass
 * from upcoming to past and the footer's year turns while pages are restored from the cache. The clean
 * build is made at the last publish's "now": what depends on the build time must be what it shows.
 * The settings change (which every page's key covers) comes second, so that it re-renders nothing later.
 */
const starts = ofType('talk')
  .map((t) => Date.parse(String(t.startsAt)))
  .sort((a, b) => a - b)
const CHINA = 8 * 3600_000
const firstYear = new Date(starts[0]! + CHINA).getUTCFullYear()
const STEPS = 7
const nows = [
  Date.UTC(firstYear - 1, 11, 30, 4),
  Date.UTC(firstYear - 1, 11, 31, 4),
  ...Array.from(
    { length: STEPS - 2 },
    (_, i) => starts[0]! + ((starts.at(-1)! - starts[0]!) * (i + 0.5 + Math.random())) / (STEPS - 2),
  ),
]
const yearOf = (now: number) => new Date(now + CHINA).getUTCFullYear()

const env: NodeJS.ProcessEnv = {
  ...process.env,
  SANITY_PROJECT_ID: '',
  LAOMO_DATASET: DATASET,
  LAOMO_CACHE_DIR: CACHE,
  LAOMO_EMBED_STUDIO: '0',
  // Astro draws a key for server islands' props per build unless given one, and writes it into the bundle.
  ASTRO_KEY: randomBytes(32).toString('base64'),
}
const releases = openReleases(ROOT)
const status = openStatus(ROOT)
let last: BuildResult | undefined
const publisher = createPublisher({
  releases,
  status,
  build: async (dir) => (last = await buildRelease(REPO, dir, env)),
  keep: 3,
  log: () => {},
})
let key = 0
let published = 0
/** One publish of the given deliveries (the webhook's projection), after the dataset has been saved. */
async function publish(...deliveries: Delivery[]) {
  const now = nows[Math.min(published++, STEPS - 1)]!
  env.LAOMO_NOW = new Date(now).toISOString()
  saveDataset()
  await publisher(deliveries.map((delivery) => ({ key: `k${++key}`, delivery }) as Queued))
  expect(status.read().builds[0], last?.log).toMatchObject({ result: 'live' })
  // Any page, restored or not, carries the year of its build.
  expectShows(talkPath(pick(ofType('talk'))._id), `版权所有 © ${yearOf(now)}`)
}

afterAll(() => rmSync(ROOT, { recursive: true, force: true }))

const live = () => releases.dirOf(releases.current()!)
/** A page of the live release, or undefined; paths as domain/paths.ts gives them (encoded). */
function page(pathname: string, dir = live()): string | undefined {
  const decoded = decodeURIComponent(pathname)
  const file = path.join(dir, 'client', decoded, decoded.endsWith('/') ? 'index.html' : '')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}
const expectShows = (pathname: string, text: string) =>
  expect(page(pathname)?.includes(text), `${pathname} shows ${text}`).toBe(true)

/** Every file under `dir`: its path relative to it and the hash of its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, file), createHash('sha1').update(readFileSync(file)).digest('hex'))
  }
  return files
}

interface Allowance {
  files: RegExp
  /** Without one, the file is left out; with one, the two files must be equal once both are normalised. */
  normalise?: (text: string) => string
}
/**
 * What is meant to differ between a release and a clean build of the same content, and why. Everything
 * else must be the same bytes; a page that differs is a stale page, to be fixed, not added here.
 */
const MEANT_TO_DIFFER: readonly Allowance[] = [
  // The publisher's record of the release (id, time, deliveries), written when it seals a build (releases.ts).
  { files: /^release\.json$/ },
  // DTSTAMP is when an event was written (RFC 5545): a feed whose events did not change is restored with the
  // stamp of the build that wrote it (site/pages/calendar/talks/[id].ics.ts).
  { files: /\.ics$/, normalise: (text) => text.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:') },
  // The manifest's list of static files is in the order Astro's concurrent image pipeline emitted them: a set
  // the server only looks paths up in. The kept prerender bundle (keep-renderer.mjs) carries the same manifest.
  {
    files: /^(server\/entry|prerender\/prerender-entry\.[\w-]+)\.mjs$/,
    normalise: (text) =>
      text.replace(/"assets":\[([^\]]*)\]/, (_, list: string) => `"assets":[${list.split(',').sort()}]`),
  },
]

/** The paths of `a` and `b` that differ, apart from what is meant to. */
function differences(a: string, b: string) {
  const [left, right] = [tree(a), tree(b)]
  const allowance = (file: string) => MEANT_TO_DIFFER.find((m) => m.files.test(file))
  const same = (file: string) => {
    const normalise = allowance(file)?.normalise
    if (left.get(file) === right.get(file) || !normalise) return left.get(file) === right.get(file)
    return normalise(readFileSync(path.join(a, file), 'utf8')) === normalise(readFileSync(path.join(b, file), 'utf8'))
  }
  const counted = (file: string) => !(allowance(file) && !allowance(file)!.normalise)
  return {
    onlyPublished: [...left.keys()].filter((f) => !right.has(f) && counted(f)).sort(),
    onlyClean: [...right.keys()].filter((f) => !left.has(f) && counted(f)).sort(),
    differing: [...left.keys()].filter((f) => right.has(f) && counted(f) && !same(f)).sort(),
    compared: left.size,
  }
}

// The documents the steps change, drawn from the generated dataset.
const spokenBy = [...new Set(ofType('talk').flatMap((t) => refs(t.speakers)))]
const editedTalk = pick(ofType('talk'))._id
const editedWorker = pick(spokenBy)
const renamedWorker = pick(spokenBy.filter((id) => id !== editedWorker))
const [deletedStory, renamedStory] = ofType('story')
  .map((s) => s._id)
  .sort(() => Math.random() - 0.5)
const newWorker = `worker-new-${random()}`
const newTalk = `talk-new-${random()}`
const reference = (id: string) => ({ _type: 'reference', _key: random(), _ref: id })

describe(`a published release equals a clean build (${TALKS} talks)`, () => {
  it('makes the first release', { timeout: BUILD_MS }, async () => {
    await publish({ _id: '*', _type: 'release' })
    expect(page(talkPath(editedTalk))).toBeDefined()
  })

  it('shows changed site settings on every kind of page', { timeout: BUILD_MS }, async () => {
    const organisation = `示例总工会${random()}`
    docs = patchDocument(docs, 'siteSettings', { organisation })
    await publish({ _id: 'siteSettings', _type: 'siteSettings', operation: 'update' })
    for (const pathname of [
      '/',
      talkPath(pick(ofType('talk'))._id),
      workerPath(slugOf(pick(ofType('modelWorker')))),
      storyPath(slugOf(pick(ofType('story')))),
      photoPath(pick(ofType('photo'))._id),
    ])
      expectShows(pathname, organisation)
  })

  it('shows an edited talk title on its page and its speakers’ pages', { timeout: BUILD_MS }, async () => {
    docs = editDocument(docs, editedTalk, 1)
    await publish({ _id: editedTalk, _type: 'talk', operation: 'update' })
    const title = String(doc(editedTalk).title)
    expectShows(talkPath(editedTalk), title)
    for (const worker of speakersOf(editedTalk)) expectShows(workerPath(slugOf(doc(worker))), title)
  })

  it('shows an edited worker wherever the worker appears', { timeout: BUILD_MS }, async () => {
    const tag = random()
    const before = doc(editedWorker)
    const [honour, ...honours] = (before.honours ?? []) as Record<string, unknown>[]
    docs = patchDocument(docs, editedWorker, {
      name: `劳模${tag}`,
      portrait: { ...(before.portrait as object), alt: `肖像说明${tag}`, caption: `肖像题注${tag}` },
      honours: [
        { _type: 'honour', _key: tag, level: 'provincial', year: 2020, ...honour, title: `荣誉${tag}` },
        ...honours,
      ],
    })
    const slug = slugOf(before)
    await publish({ _id: editedWorker, _type: 'modelWorker', operation: 'update', slug, previousSlug: slug })
    for (const text of [`劳模${tag}`, `荣誉${tag}`, `肖像说明${tag}`]) expectShows(workerPath(slug), text)
    expect(readFileSync(path.join(live(), 'client', workerFeedPath(slug)), 'utf8')).toContain(`劳模${tag}`)
    const showing = [
      ...talksOf(editedWorker).map((t) => talkPath(t._id)),
      ...ofType('story')
        .filter((s) => refs(s.relatedWorkers).includes(editedWorker))
        .map((s) => storyPath(slugOf(s))),
      ...ofType('photo')
        .filter((p) => refs(p.people).includes(editedWorker))
        .map((p) => photoPath(p._id)),
    ]
    expect(showing.length).toBeGreaterThan(0)
    for (const pathname of showing) expectShows(pathname, `劳模${tag}`)
  })

  it('adds a worker and a talk of theirs', { timeout: BUILD_MS }, async () => {
    const tag = random()
    const worker: Doc = { ...pick(ofType('modelWorker')), _id: newWorker, name: `新劳模${tag}`, formerSlugs: [] }
    worker.slug = { _type: 'slug', current: `new-${tag}` }
    const talk: Doc = {
      ...pick(ofType('talk')),
      _id: newTalk,
      title: `新报告会${tag}`,
      speakers: [reference(newWorker)],
    }
    delete talk.photos // a talk of its own, not another's photos
    docs = [...docs, worker, talk]
    await publish(
      { _id: newWorker, _type: 'modelWorker', operation: 'create', slug: `new-${tag}` },
      { _id: newTalk, _type: 'talk', operation: 'create' },
    )
    expectShows(talkPath(newTalk), `新劳模${tag}`)
    expectShows(workerPath(`new-${tag}`), `新报告会${tag}`)
  })

  it('removes a deleted talk and a deleted story in the same publish', { timeout: BUILD_MS }, async () => {
    const deletedTalk = pick(ofType('talk').filter((t) => ![editedTalk, newTalk].includes(t._id)))._id
    const speakers = speakersOf(deletedTalk)
    const storySlug = slugOf(doc(deletedStory!))
    docs = deleteDocuments(docs, [deletedTalk, deletedStory!])
    await publish(
      { _id: deletedTalk, _type: 'talk', operation: 'delete' },
      { _id: deletedStory!, _type: 'story', operation: 'delete', slug: storySlug },
    )
    expect(page(talkPath(deletedTalk))).toBeUndefined()
    expect(page(storyPath(storySlug))).toBeUndefined()
    for (const worker of speakers)
      expect(page(workerPath(slugOf(doc(worker))))).not.toContain(`href="${talkPath(deletedTalk)}"`)
  })

  it('redirects the old addresses of a renamed worker and story', { timeout: BUILD_MS }, async () => {
    const tag = random()
    const renamed: { id: string; type: string; from: string; to: string; path: (slug: string) => string }[] = []
    for (const [id, type, toPath] of [
      [renamedWorker, 'modelWorker', workerPath],
      [renamedStory!, 'story', storyPath],
    ] as const) {
      const published = doc(id)
      const draft = { ...published, slug: { _type: 'slug', current: `${slugOf(published)}-r${tag}` } }
      // The Studio's 发布 records the old slug (studio/actions/PublishWithFormerSlugs.tsx).
      const patch = formerSlugsPatch(published, draft)
      expect(patch).not.toBeNull()
      docs = patchDocument(docs, id, { slug: draft.slug, ...patch!.set })
      renamed.push({ id, type, from: slugOf(published), to: slugOf(draft as Doc), path: toPath })
    }
    await publish(
      ...renamed.map((r) => ({
        _id: r.id,
        _type: r.type,
        operation: 'update' as const,
        slug: r.to,
        previousSlug: r.from,
      })),
    )
    const redirects = JSON.parse(page('/redirects.json') ?? '{}') as Record<string, string>
    for (const r of renamed) {
      expect(page(r.path(r.to))).toBeDefined()
      expect(page(r.path(r.from))).toContain(`url=${r.path(r.to)}`)
      expect(redirects[r.path(r.from)]).toBe(r.path(r.to))
    }
    const workerTo = workerPath(renamed[0]!.to)
    for (const talk of talksOf(renamedWorker)) expectShows(talkPath(talk._id), `href="${workerTo}"`)
  })

  it('matches a clean build of the same content file for file', { timeout: BUILD_MS }, async () => {
    // The clean build: an empty output folder and an empty cache, at the paths every publish uses (both are
    // written into the server bundle: the output folder's URL, the cache's sessions folder and config digest).
    renameSync(CACHE, `${CACHE}-published`)
    rmSync(releases.buildDir, { recursive: true, force: true })
    const clean = await buildRelease(REPO, releases.buildDir, env)
    expect(clean.ok, clean.log).toBe(true)
    expect(clean.outputs!.restored).toBe(0)
    const { compared, ...found } = differences(live(), releases.buildDir)
    expect(compared).toBeGreaterThan(TALKS)
    expect(found).toEqual({ onlyPublished: [], onlyClean: [], differing: [] })
  })
})
