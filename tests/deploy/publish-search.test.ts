/**
 * The search index follows the switch: the publish service and the site server as child processes, real
 * builds of a dataset of our own, Chromium on the search page. A publish puts its pages live while the index
 * is still being built (Pagefind started a few seconds late through PAGEFIND_EXTENDED_BINARY_PATH, so the
 * window can be seen), the status says the index is pending for that release and then current, and the
 * search page finds the new title once it is — before, it simply does not, without an error.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/chromium.ts'
import { startPublishService, waitFor as waitUntil, type PublishProcess } from '../../scripts/publish-process.ts'
import { pagefindBinary } from '../../scripts/search-index.ts'
import { startServer, type ServeProcess } from '../../scripts/serve-process.ts'
import { openPage } from '../browser/harness.ts'

const SECRET = 'publish-search-secret-0123456789'
const RELEASES = path.resolve(`releases-search-${process.pid}`)
const WORK = mkdtempSync(path.join(tmpdir(), 'laomo-publish-search-'))
const DELAY_S = 5
const BUILD_MS = 300_000

type Doc = Record<string, unknown> & { _id: string; _type: string }
const original: Doc[] = readFileSync('studio/seed/data.ndjson', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Doc)
const stories = original.filter((d) => d._type === 'story' && !d._id.startsWith('drafts.'))
const story = stories[Math.floor(Math.random() * stories.length)]!
const storyPath = `/stories/${(story.slug as { current: string }).current}/`

function writeDataset(docs: Doc[]) {
  const images = `file://${path.resolve('studio/seed/images')}/`
  const text = docs.map((d) => JSON.stringify(d).replaceAll('file://./images/', images)).join('\n')
  writeFileSync(path.join(WORK, 'data.ndjson'), `${text}\n`)
}

let service: PublishProcess
const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false>, everyMs: number) =>
  waitUntil(what, probe, BUILD_MS, everyMs).catch((error: Error) => {
    throw new Error(`${error.message}\n${service.output.join('')}`)
  })
let site: ServeProcess
let browser: Browser

beforeAll(async () => {
  rmSync(RELEASES, { recursive: true, force: true })
  writeDataset(original)
  const slowPagefind = path.join(WORK, 'pagefind-late.sh')
  writeFileSync(slowPagefind, `#!/bin/sh\nsleep ${DELAY_S}\nexec '${pagefindBinary()}' "$@"\n`)
  chmodSync(slowPagefind, 0o755)
  service = await startPublishService({
    secret: SECRET,
    env: {
      LAOMO_RELEASES_DIR: RELEASES,
      LAOMO_DATASET: WORK,
      LAOMO_CACHE_DIR: path.join(RELEASES, 'cache'),
      LAOMO_EMBED_STUDIO: '0',
      PAGEFIND_EXTENDED_BINARY_PATH: slowPagefind,
    },
  })
  await waitFor('first release', async () => (await service.status()).current, 250)
  site = await startServer({ inbox: path.join(WORK, 'inbox.ndjson'), outDir: path.join(RELEASES, 'current') })
  browser = await launchBrowser()
}, BUILD_MS + 30_000)

afterAll(async () => {
  service?.child.kill('SIGKILL')
  await browser?.close()
  await site?.stop()
  rmSync(RELEASES, { recursive: true, force: true })
  rmSync(WORK, { recursive: true, force: true })
})

/** The search page's results for a query (hrefs), and what went wrong on the page. */
async function search(query: string) {
  const { page, errors } = await openPage(browser, `${site.origin}/search/?q=${encodeURIComponent(query)}`)
  await page
    .locator('[data-search-status]')
    .filter({ hasText: /找到|没有找到|不可用/ })
    .waitFor()
  const hrefs = await page
    .locator('[data-search-results] li a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  await page.context().close()
  return { hrefs, errors }
}

describe('the search index follows the switch', () => {
  it(
    'serves the edit first, says the index is pending, then current, and only then finds it',
    { timeout: 2 * BUILD_MS },
    async () => {
      const first = await service.status()
      expect(first.builds[0]).toMatchObject({ release: first.current, result: 'live', searchIndex: 'current' })
      const title = `索引跟随测试${Math.random().toString(36).slice(2, 8)}`
      writeDataset(original.map((d) => (d._id === story._id ? { ...d, title } : d)))
      const response = await service.deliver(
        { _id: story._id, _type: 'story', operation: 'update' },
        `search-${Date.now()}`,
      )
      expect(response.status).toBe(202)

      const served = async () => (await (await fetch(`${site.origin}${storyPath}`)).text()).includes(title)
      await waitFor('edited story served', served, 100)
      const live = await service.status()
      const record = live.builds.find((b) => b.release === live.current)!
      expect(live.current).not.toBe(first.current)
      expect(record).toMatchObject({ result: 'live', searchIndex: 'pending', documents: [story._id] })
      // The page is current; the index is the previous release's: the new title is not found yet, quietly.
      const before = await search(title)
      expect(before.hrefs).not.toContain(storyPath)
      expect(before.errors).toEqual([])

      await waitFor(
        'search index current',
        async () => (await service.status()).builds.find((b) => b.release === live.current)?.searchIndex === 'current',
        250,
      )
      const after = await search(title)
      expect(after.hrefs).toContain(storyPath)
      expect(after.errors).toEqual([])
      expect((await service.status()).current).toBe(live.current)
    },
  )
})
