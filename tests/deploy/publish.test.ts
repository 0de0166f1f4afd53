/**
 * Publish → live, the way it runs: the publish service (server/publish/main.ts) and the site server
 * (server/main.ts over the `current` link) as child processes, a dataset of our own edited on disk, signed
 * deliveries as Sanity sends them, and real builds. An edit goes live by itself; a build that would lose a
 * page leaves the live site as it was and says why; a service killed mid-build loses neither the live site
 * nor the delivery it had accepted; `npm run release -- rollback` goes back one.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPublishService, waitFor as waitUntil, type PublishProcess } from '../../scripts/publish-process.ts'
import { startServer, type ServeProcess } from '../../scripts/serve-process.ts'

const SECRET = 'publish-test-secret-0123456789'
const RELEASES = path.resolve(`releases-test-${process.pid}`)
const WORK = mkdtempSync(path.join(tmpdir(), 'laomo-publish-'))
const DATASET = path.join(WORK, 'dataset')
const SYNCED = path.join(WORK, 'synced.txt')
const BUILD_MS = 300_000

type Doc = Record<string, unknown> & { _id: string; _type: string }
const original: Doc[] = readFileSync('studio/seed/data.ndjson', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Doc)

/** Writes the dataset the builds read (images stay in the seed folder). */
function writeDataset(docs: Doc[]) {
  const images = `file://${path.resolve('studio/seed/images')}/`
  const text = docs.map((d) => JSON.stringify(d).replaceAll('file://./images/', images)).join('\n')
  spawnSync('mkdir', ['-p', DATASET])
  writeFileSync(path.join(DATASET, 'data.ndjson'), `${text}\n`)
}

const story = original.find((d) => d._type === 'story')!
const storyPath = `/stories/${(story.slug as { current: string }).current}/`
const talk = original.find((d) => d._type === 'talk' && d.status === 'held')!
const talkPath = `/talks/${talk._id}/`
const edited = (title: string) => original.map((d) => (d._id === story._id ? { ...d, title } : d))

let service: PublishProcess
let site: ServeProcess
let key = 0
const deliver = (body: object) => service.deliver(body, `test-${++key}`)
const status = () => service.status()

const startService = (env: Record<string, string> = {}) =>
  startPublishService({
    secret: SECRET,
    env: {
      ...env,
      LAOMO_RELEASES_DIR: RELEASES,
      LAOMO_KEEP_RELEASES: '3',
      LAOMO_AFTER_SWITCH: `echo "$LAOMO_RELEASE_DIR" >> ${SYNCED}`,
      LAOMO_DATASET: DATASET,
      LAOMO_CACHE_DIR: path.join(RELEASES, 'cache'),
      LAOMO_EMBED_STUDIO: '0',
    },
  })

const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false>, ms = BUILD_MS) =>
  waitUntil(what, probe, ms, 250).catch((error: Error) => {
    throw new Error(`${error.message}\n${service.output.join('')}`)
  })

const page = async (pathname: string) => {
  const response = await fetch(`${site.origin}${pathname}`)
  return { status: response.status, text: await response.text() }
}
const buildsDone = async (n: number) => {
  const s = await status()
  return s.builds.length >= n && s.builds[0]!.result !== 'building' && s.building === 0 && s.builds[0]
}

beforeAll(async () => {
  rmSync(RELEASES, { recursive: true, force: true })
  writeDataset(original)
  service = await startService()
  // Nothing is live yet: the service makes the first release by itself.
  await waitFor('first release', () => buildsDone(1))
  site = await startServer({ inbox: path.join(WORK, 'inbox.ndjson'), outDir: path.join(RELEASES, 'current') })
}, BUILD_MS + 30_000)

afterAll(async () => {
  service?.child.kill('SIGKILL')
  await site?.stop()
  rmSync(RELEASES, { recursive: true, force: true })
})

describe('publish → live', () => {
  it('makes the first release and serves it', async () => {
    const s = await status()
    expect(s.builds[0]).toMatchObject({ result: 'live' })
    expect(s.current).toBe(s.builds[0]!.release)
    expect((await page(storyPath)).text).toContain(String(story.title))
  })

  it('an edit goes live by itself; the after-switch command runs', { timeout: BUILD_MS }, async () => {
    const title = `发布测试：标题已修改 ${Date.now()}`
    writeDataset(edited(title))
    const response = await deliver({ _id: story._id, _type: 'story', operation: 'update' })
    // Answered before the build, not after it.
    expect(response.status).toBe(202)
    expect((await status()).building + (await status()).waiting).toBeGreaterThan(0)
    await waitFor('edited story served', async () => (await page(storyPath)).text.includes(title))
    const s = await status()
    expect(s.builds[0]).toMatchObject({ result: 'live', documents: [story._id] })
    expect(readFileSync(SYNCED, 'utf8')).toContain(s.builds[0]!.release)
    // The home page and the story list follow too (the edit shows wherever the story does).
    expect((await page('/stories/')).text).toContain(title)
    // A fast publish: its seal names the pages it wrote against the release before, and the site server read
    // only those (not the ~400 pages of the release) for their inline scripts, whose hashes its policy allows.
    const seal = JSON.parse(readFileSync(path.join(RELEASES, 'releases', s.current!, 'release.json'), 'utf8'))
    expect(seal.changes.base).toBe(s.builds[1]!.release)
    expect(seal.changes.written).toContain(`${storyPath.slice(1)}index.html`)
    const served = /now serving \S+ \((\d+) pages, (\d+) read/.exec(
      site.output
        .join('')
        .split('\n')
        .findLast((l) => l.includes(s.current!)) ?? '',
    )
    expect(Number(served?.[2])).toBe(seal.changes.written.length)
    expect(Number(served?.[1])).toBeGreaterThan(10 * seal.changes.written.length)
    const served200 = await fetch(`${site.origin}${storyPath}`)
    const scripts = [...(await served200.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) => text!)
    const csp = served200.headers.get('content-security-policy')!
    expect(scripts.length).toBeGreaterThan(0)
    for (const text of scripts) expect(csp).toContain(createHash('sha256').update(text).digest('base64'))
  })

  it('a build that would lose a page leaves the live site as it was and says why', { timeout: BUILD_MS }, async () => {
    const live = (await status()).current
    const broken = original.map((d) => (d._id === talk._id ? { ...d, title: undefined } : d))
    writeDataset(broken)
    expect((await deliver({ _id: talk._id, _type: 'talk', operation: 'update' })).status).toBe(202)
    const failed = await waitFor('failed build', () => buildsDone(3))
    expect(failed.result).toBe('failed')
    expect(failed.reason).toContain(`页面缺失：${talkPath}`)
    expect(failed.warnings.join('\n')).toContain(`talk ${talk._id}: field "title" is missing`)
    expect((await status()).current).toBe(live)
    expect((await page(talkPath)).status).toBe(200)
  })

  it('killed mid-build, the service loses neither the live site nor the delivery', { timeout: BUILD_MS }, async () => {
    // A full build, to be killed in the middle of: the fast path (server/publish/fast.ts) takes about a second.
    const running = service.child
    running.kill('SIGTERM')
    if (running.exitCode === null) await new Promise((resolve) => running.once('exit', resolve))
    service = await startService({ LAOMO_FAST_PUBLISH: '0' })
    const live = (await status()).current
    const title = `发布测试：中断后重建 ${Date.now()}`
    writeDataset(edited(title))
    expect((await deliver({ _id: story._id, _type: 'story', operation: 'update' })).status).toBe(202)
    await waitFor('build started', async () => (await status()).building > 0, 30_000)
    await new Promise((r) => setTimeout(r, 3_000))
    service.child.kill('SIGKILL')
    // The half-built folder is not served: the live release answers, whole.
    expect((await page('/')).status).toBe(200)
    expect((await page(talkPath)).status).toBe(200)
    const unfinished = readdirSync(path.join(RELEASES, 'releases')).filter(
      (id) => !existsSync(path.join(RELEASES, 'releases', id, 'release.json')),
    )
    expect(unfinished.length).toBeGreaterThan(0)
    // Restarted, it removes the unfinished folder and builds the delivery it had accepted.
    service = await startService()
    await waitFor('accepted delivery built after restart', async () => (await page(storyPath)).text.includes(title))
    const s = await status()
    expect(s.current).not.toBe(live)
    expect(s.builds.find((b) => b.reason?.includes('中断'))).toBeDefined()
    for (const id of unfinished) expect(existsSync(path.join(RELEASES, 'releases', id))).toBe(false)
  })

  it('rolls back one release with `npm run release -- rollback`', async () => {
    const before = (await status()).current
    const run = spawnSync(process.execPath, ['scripts/release.ts', 'rollback'], {
      env: { ...process.env, LAOMO_RELEASES_DIR: RELEASES },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain(`(was ${before})`)
    await waitFor('previous release served', async () => !(await page(storyPath)).text.includes('中断后重建'), 10_000)
  })
})
